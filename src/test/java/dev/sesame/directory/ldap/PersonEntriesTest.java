package dev.sesame.directory.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import dev.sesame.directory.EmploymentType;
import dev.sesame.directory.PersonId;
import org.junit.jupiter.api.Test;

class PersonEntriesTest {

  private static final String SAMPLE_DN = "uid=sam.patel,ou=people,dc=brightwave,dc=example";

  // --- isActive ------------------------------------------------------------------------------

  @Test
  void isActive_whenNoLockMarker_thenTrue() {
    assertThat(PersonEntries.isActive(new Entry(SAMPLE_DN))).isTrue();
  }

  @Test
  void isActive_whenNsAccountLockTrue_thenFalse() {
    assertThat(PersonEntries.isActive(entry("nsAccountLock", "TRUE"))).isFalse();
  }

  @Test
  void isActive_whenNsAccountLockFalse_thenTrue() {
    assertThat(PersonEntries.isActive(entry("nsAccountLock", "false"))).isTrue();
  }

  @Test
  void isActive_whenPwdAccountLockedTimePresent_thenFalse() {
    assertThat(PersonEntries.isActive(entry("pwdAccountLockedTime", "20260301120000Z"))).isFalse();
  }

  // --- employmentType ------------------------------------------------------------------------

  @Test
  void employmentType_whenAbsent_thenFullTime() {
    assertThat(PersonEntries.employmentType(new Entry(SAMPLE_DN))).isEqualTo(EmploymentType.FULL_TIME);
  }

  @Test
  void employmentType_whenOtherSpelling_thenParsed() {
    assertThat(PersonEntries.employmentType(entry("employeeType", "Full_Time"))).isEqualTo(EmploymentType.FULL_TIME);
  }

  @Test
  void employmentType_whenUnknown_thenContractor() {
    assertThat(PersonEntries.employmentType(entry("employeeType", "vendor"))).isEqualTo(EmploymentType.CONTRACTOR);
  }

  // --- loginFromRdn --------------------------------------------------------------------------

  @Test
  void loginFromRdn_whenRdnIsUid_thenLogin() throws Exception {
    assertThat(PersonEntries.loginFromRdn(new DN(SAMPLE_DN))).contains(new PersonId("sam.patel"));
  }

  @Test
  void loginFromRdn_whenRdnIsCn_thenEmpty() throws Exception {
    assertThat(PersonEntries.loginFromRdn(new DN("cn=Lind\\, Mara (Contractor),ou=people,dc=brightwave,dc=example")))
        .isEmpty();
  }

  private static Entry entry(String attribute, String value) {
    Entry entry = new Entry(SAMPLE_DN);
    entry.addAttribute(attribute, value);
    return entry;
  }
}
