package dev.sesame.approval;

import dev.sesame.directory.Person;
import dev.sesame.directory.PersonId;
import java.util.List;
import java.util.Map;

/**
 * What a policy is resolved against: who asks, for which app and role, the app's admins and the
 * requester's answers.
 *
 * @param role the role's name, empty for apps without roles
 * @param answers the answers to the app's questions, by question key
 */
public record RequestFacts(Person requester, String app, String role, List<PersonId> appAdmins,
    Map<String, Object> answers) {

  public RequestFacts {
    appAdmins = List.copyOf(appAdmins);
    answers = Map.copyOf(answers);
  }
}
