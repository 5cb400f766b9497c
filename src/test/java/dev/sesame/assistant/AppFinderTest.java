package dev.sesame.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sesame.assistant.AppFinder.Found;
import dev.sesame.assistant.AppFinder.How;
import dev.sesame.catalog.CatalogEntry;
import dev.sesame.catalog.Entries;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppFinderTest {

  private static final CatalogEntry FIGMA = Entries.group("Figma", "figjam");
  private static final CatalogEntry GITHUB = Entries.roleBased("GitHub", List.of(
      Entries.role("read", "People who only browse code"), Entries.role("write", "Engineers who push code")),
      "gh", "github enterprise");
  private static final CatalogEntry SALESFORCE = Entries.group("Salesforce", "sfdc");
  private static final CatalogEntry ADOBE = Entries.group("Adobe Creative Cloud", "adobe", "photoshop");
  private static final CatalogEntry ZOOM = Entries.selfService("Zoom");
  private static final CatalogEntry JIRA = Entries.group("Jira");
  private static final CatalogEntry AWS = Entries.group("AWS Console", "aws");
  private static final CatalogEntry SNOWFLAKE = Entries.group("Snowflake");
  private static final CatalogEntry SLACK = Entries.selfService("Slack");
  private static final CatalogEntry NOTION = Entries.group("Notion");
  private static final AppFinder SAMPLE_FINDER = new AppFinder(
      List.of(FIGMA, GITHUB, SALESFORCE, ADOBE, ZOOM, JIRA, AWS, SNOWFLAKE, SLACK, NOTION));

  // --- find: exact names and aliases ---------------------------------------------------------

  @Test
  void find_whenNameInQuestion_thenExact() {
    assertThat(SAMPLE_FINDER.find("can I get figma?")).contains(new Found(FIGMA, How.EXACT, "figma"));
  }

  @Test
  void find_whenAliasInSentence_thenExact() {
    assertThat(SAMPLE_FINDER.find("need gh access")).contains(new Found(GITHUB, How.EXACT, "gh"));
    assertThat(SAMPLE_FINDER.find("can I have FigJam")).contains(new Found(FIGMA, How.EXACT, "figjam"));
  }

  @Test
  void find_whenNameWithStopWords_thenExact() {
    assertThat(SAMPLE_FINDER.find("salesforce licence pls")).contains(new Found(SALESFORCE, How.EXACT, "salesforce"));
  }

  @Test
  void find_whenFullNameAndShorterAlias_thenLongestMatchWins() {
    assertThat(SAMPLE_FINDER.find("I need adobe creative cloud for work"))
        .contains(new Found(ADOBE, How.EXACT, "adobe creative cloud"));
  }

  @Test
  void find_whenTwoWordAlias_thenWholeAliasNamed() {
    assertThat(SAMPLE_FINDER.find("access to GitHub Enterprise please"))
        .contains(new Found(GITHUB, How.EXACT, "github enterprise"));
  }

  @Test
  void find_whenAppFollowedByWordApp_thenExact() {
    assertThat(SAMPLE_FINDER.find("can I get the zoom app")).contains(new Found(ZOOM, How.EXACT, "zoom"));
  }

  @Test
  void find_whenProductAlias_thenItsSuite() {
    assertThat(SAMPLE_FINDER.find("can I get photoshop")).map(Found::app).contains(ADOBE);
  }

  @Test
  void find_whenShortAlias_thenItsApp() {
    assertThat(SAMPLE_FINDER.find("aws please")).contains(new Found(AWS, How.EXACT, "aws"));
    assertThat(SAMPLE_FINDER.find("I need the AWS console")).contains(new Found(AWS, How.EXACT, "aws console"));
  }

  @Test
  void find_whenNameOnlyPartOfAWord_thenNotExact() {
    assertThat(SAMPLE_FINDER.find("zoomed out")).map(Found::how).isNotEqualTo(Optional.of(How.EXACT));
  }

  // --- find: typos ---------------------------------------------------------------------------

  @Test
  void find_whenSwappedLetters_thenTypo() {
    assertThat(SAMPLE_FINDER.find("fgima")).contains(new Found(FIGMA, How.TYPO, "fgima"));
  }

  @Test
  void find_whenSwappedLettersInSentence_thenTypo() {
    assertThat(SAMPLE_FINDER.find("can i get fimga please")).contains(new Found(FIGMA, How.TYPO, "fimga"));
  }

  @Test
  void find_whenOneLetterMissing_thenTypo() {
    assertThat(SAMPLE_FINDER.find("snowflak access")).contains(new Found(SNOWFLAKE, How.TYPO, "snowflak"));
    assertThat(SAMPLE_FINDER.find("slak")).contains(new Found(SLACK, How.TYPO, "slak"));
  }

  // --- find: nothing ---------------------------------------------------------------------------

  @Test
  void find_whenAppNotInCatalog_thenEmpty() {
    assertThat(SAMPLE_FINDER.find("can I get zendesk")).isEmpty();
  }

  @Test
  void find_whenGreeting_thenEmpty() {
    assertThat(SAMPLE_FINDER.find("hello")).isEmpty();
    assertThat(SAMPLE_FINDER.find("")).isEmpty();
  }

  @Test
  void find_whenShortWordCloseToShortName_thenNoTypoMatch() {
    AppFinder finder = new AppFinder(List.of(Entries.group("Jet"), ZOOM));

    assertThat(finder.find("can I get it")).isEmpty();
    assertThat(finder.find("jot")).isEmpty();
    assertThat(finder.find("zoo")).isEmpty();
  }

  @Test
  void find_whenAbbreviationNotAnAlias_thenNotGuessed() {
    assertThat(SAMPLE_FINDER.find("need sf")).isEmpty();
  }

  // --- suggestions ---------------------------------------------------------------------------

  @Test
  void suggestions_whenMisspelled_thenContainsTheApp() {
    assertThat(SAMPLE_FINDER.suggestions("slak")).contains(SLACK);
  }

  @Test
  void suggestions_whenAnything_thenAtMostThree() {
    assertThat(SAMPLE_FINDER.suggestions("s")).hasSizeLessThanOrEqualTo(3);
    assertThat(SAMPLE_FINDER.suggestions("notio")).first().isEqualTo(NOTION);
  }

  @Test
  void suggestions_whenNothingAlike_thenEmpty() {
    assertThat(SAMPLE_FINDER.suggestions("xylophone")).isEmpty();
    assertThat(SAMPLE_FINDER.suggestions("  ")).isEmpty();
  }
}
