package dev.sesame.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.common.FieldError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class PolicyCodecTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @Test
  void aBlankStageNameIsAnErrorNotADroppedStage() {
    JsonNode node = JSON.readTree("""
        {"name":"sec-review","stages":[{"name":"","approvers":["manager"]},
          {"name":"  ","approvers":["person:kenji.sato"]}]}""");

    PolicyCodec.Read read = PolicyCodec.read(node, "policy");

    assertThat(read.policy()).isEmpty();
    assertThat(read.errors()).extracting(FieldError::field)
        .containsExactly("policy.stages[0].name", "policy.stages[1].name");
  }

  @Test
  void everyStageErrorIsReportedTogetherWithABlankName() {
    JsonNode node = JSON.readTree("""
        {"name":"sec-review","stages":[{"name":"","when":"user.x ==","approvers":["manager"]},
          {"name":"Owners","when":"user.y ==","approvers":["app-admins"]}]}""");

    PolicyCodec.Read read = PolicyCodec.read(node, "policy");

    assertThat(read.policy()).isEmpty();
    assertThat(read.errors()).extracting(FieldError::field).containsExactly("policy.stages[0].name",
        "policy.stages[0].when", "policy.stages[1].when");
    assertThat(read.errors().get(1).reason()).startsWith("does not compile");
  }

  @Test
  void aStageWithoutANameIsCalledByItsNumber() {
    JsonNode node = JSON.readTree("""
        {"name":"sec-review","stages":[{"approvers":["manager"]},{"name":"Owners","approvers":["app-admins"]}]}""");

    PolicyCodec.Read read = PolicyCodec.read(node, "");

    assertThat(read.errors()).isEmpty();
    assertThat(read.policy().orElseThrow().stages()).extracting(s -> s.name()).containsExactly("Stage 1", "Owners");
  }

  @Test
  void theCatalogDocumentsPoliciesRefuseABlankStageNameToo() {
    JsonNode node = YAML.readTree("""
        name: sec-review
        stages:
          - name: ""
            approvers: [manager]
        """);

    PolicyCodec.Read read = PolicyCodec.read(node, "policies[0]");

    assertThat(read.policy()).isEmpty();
    assertThat(read.errors()).extracting(FieldError::field).containsExactly("policies[0].stages[0].name");
  }
}
