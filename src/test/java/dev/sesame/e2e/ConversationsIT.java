package dev.sesame.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conversations from the first message to group membership, against the running application:
 * embedded PostgreSQL, the embedded directory, durable jobs, over HTTP. Each test is one person's
 * conversation, so the tests share one running Sesame without stepping on each other.
 */
class ConversationsIT {

  private static final String PEOPLE = ",ou=people,dc=brightwave,dc=example";
  private static final String GROUPS = ",ou=groups,dc=brightwave,dc=example";
  private static final String FIGMA = "cn=figma-users" + GROUPS;

  private final RunningSesame sesame = RunningSesame.shared();

  @Test
  void groupApp_whenManagerApprovesInChat_thenPersonIsInTheGroup() {
    assertThat(sesame.chat("alex.kim", "hi, can I get figma?"))
        .contains("**Figma**").contains("your manager Priya Nair").contains("(yes/no)");
    assertThat(sesame.chat("alex.kim", "yes please"))
        .contains("Request submitted for **Figma**").contains("Priya Nair");

    assertThat(sesame.chat("priya.nair", "approvals")).contains("**Alex Kim** asks for **Figma**");
    assertThat(sesame.chat("priya.nair", "approve 1")).contains("Approved");

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(sesame.notices("alex.kim")).anyMatch(n -> n.startsWith("You now have access to **Figma**")));
    assertThat(sesame.membersOf(FIGMA)).contains("uid=alex.kim" + PEOPLE);
    List<Map<String, Object>> requests = sesame.as("alex.kim").get("/api/requests").then().statusCode(200).extract().path("$");
    assertThat(requests).singleElement().satisfies(r -> assertThat(r.get("state")).isEqualTo("FULFILLED"));
  }
}
