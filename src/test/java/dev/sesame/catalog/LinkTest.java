package dev.sesame.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LinkTest {

  private static final String SAMPLE_LABEL = "Figma help centre";
  private static final String SAMPLE_URL = "https://help.figma.com/hc/en-us";

  // --- of ------------------------------------------------------------------------------------

  @Test
  void of_whenHttpsUrl_thenLink() {
    Link link = Link.of(" " + SAMPLE_LABEL + " ", " " + SAMPLE_URL + " ");

    assertThat(link.label()).isEqualTo(SAMPLE_LABEL);
    assertThat(link.url()).isEqualTo(URI.create(SAMPLE_URL));
  }

  @Test
  void of_whenUpperCaseScheme_thenAccepted() {
    assertThat(Link.of(SAMPLE_LABEL, "HTTPS://help.figma.com").url().getHost()).isEqualTo("help.figma.com");
  }

  @Test
  void of_whenPlainHttp_thenRejectedAskingForHttps() {
    assertThatIllegalArgumentException().isThrownBy(() -> Link.of(SAMPLE_LABEL, "http://help.figma.com"))
        .withMessageContaining("must start with https://");
  }

  @Test
  void of_whenOtherScheme_thenRejectedAskingForHttps() {
    assertThatIllegalArgumentException().isThrownBy(() -> Link.of(SAMPLE_LABEL, "ftp://files.example.com"))
        .withMessageContaining("is not a web address");
    assertThatIllegalArgumentException().isThrownBy(() -> Link.of(SAMPLE_LABEL, "javascript:alert(1)"))
        .withMessageContaining("must start with https://");
  }

  @Test
  void of_whenNoScheme_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Link.of(SAMPLE_LABEL, "help.figma.com/hc"))
        .withMessageContaining("is not a web address");
  }

  @Test
  void of_whenNoHost_thenRejectedNamingTheHost() {
    assertThatIllegalArgumentException().isThrownBy(() -> Link.of(SAMPLE_LABEL, "https:///hc/en-us"))
        .withMessageContaining("has no host name");
  }

  @Test
  void of_whenNotAUrl_thenRejectedQuotingTheText() {
    assertThatIllegalArgumentException().isThrownBy(() -> Link.of(SAMPLE_LABEL, "https://help figma com"))
        .withMessageStartingWith("'https://help figma com' is not a URL: ");
  }

  @Test
  void of_whenBlankLabel_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Link.of("  ", SAMPLE_URL))
        .withMessageContaining("label of 1 to 200 characters");
  }

  @Test
  void of_whenLabelOf201Characters_thenRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Link.of("l".repeat(201), SAMPLE_URL));
    assertThat(Link.of("l".repeat(200), SAMPLE_URL).label()).hasSize(200);
  }

  // --- equality ------------------------------------------------------------------------------

  @Test
  void equals_whenSameLabelAndUrl_thenEqual() {
    assertThat(Link.of(SAMPLE_LABEL, SAMPLE_URL)).isEqualTo(new Link(SAMPLE_LABEL, URI.create(SAMPLE_URL)));
  }
}
