package dev.sesame;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shape of the code, kept by tests: boundaries that no test checks wear away. */
class ArchitectureTest {

  private static final JavaClasses SESAME = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.sesame");

  @Test
  void modules_haveNoCycles() {
    slices().matching("dev.sesame.(*)..").should().beFreeOfCycles().check(SESAME);
  }

  @Test
  void httpAndServletApi_onlyInWebPackages() {
    noClasses().that().resideOutsideOfPackage("..web..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
            "org.springframework.security.web..")
        .check(SESAME);
  }

  @Test
  void valuesAndPolicy_doNotKnowSpring() {
    // NB. The approval package also holds its stores and use cases (Spring components); everything
    // else in it — policies, stages, the planner — is plain policy.
    noClasses().that(DescribedPredicate.and(
            JavaClass.Predicates.resideInAPackage("dev.sesame.approval"),
            DescribedPredicate.not(CanBeAnnotated.Predicates.annotatedWith(
                org.springframework.stereotype.Component.class)),
            DescribedPredicate.not(CanBeAnnotated.Predicates.annotatedWith(
                org.springframework.stereotype.Repository.class))))
        .or().resideInAnyPackage("dev.sesame.common")
        .or().haveSimpleNameEndingWith("Name").or().haveSimpleNameEndingWith("Id")
        .or().haveSimpleNameEndingWith("Rule").or().haveSimpleNameEndingWith("Rules")
        .or().haveFullyQualifiedName("dev.sesame.request.AccessRequest")
        .or().haveFullyQualifiedName("dev.sesame.catalog.CatalogEntry")
        .or().haveFullyQualifiedName("dev.sesame.catalog.CatalogCodec")
        .or().haveFullyQualifiedName("dev.sesame.catalog.PolicyCodec")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
        .check(SESAME);
  }

  @Test
  void ldapSdk_onlyInLdapConnectorAndDirectory() {
    noClasses().that().resideOutsideOfPackages("dev.sesame.provisioning.ldap..", "dev.sesame.directory.ldap..",
            "dev.sesame.directory.embedded..")
        .should().dependOnClassesThat().resideInAnyPackage("com.unboundid..")
        .check(SESAME);
  }

  @Test
  void persistence_onlyInRepositoriesAndStores() {
    noClasses().that().resideInAnyPackage("..web..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..")
        .check(SESAME);
  }
}
