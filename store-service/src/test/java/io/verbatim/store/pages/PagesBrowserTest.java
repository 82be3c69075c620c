package io.verbatim.store.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.verbatim.events.EventJson;
import io.verbatim.events.EventTypes;
import io.verbatim.events.Sha256;
import io.verbatim.events.Topics;
import io.verbatim.events.TranscriptParsed;
import io.verbatim.store.CorpusTranscripts;
import io.verbatim.store.CorpusTranscripts.GoldTranscript;
import io.verbatim.testsupport.KafkaBroker;
import io.verbatim.testsupport.KafkaTestResource;
import io.verbatim.testsupport.PostgresTestResource;
import io.verbatim.testsupport.TopicWriter;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages (issue 15) in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by
 * Selenium) against store-service on a real broker and database, with real corpus documents: the White House gaggle
 * of 2021-02-19 (gold 16), the Biden–Merkel press conference with interpreted turns (gold 32), and a document whose
 * statement and title contain {@code <script>}. One browser session for all tests; screenshots of every page, desktop
 * and 375 px wide, go to {@code target/pages-screenshots/}, and at 375 px no page scrolls sideways.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class PagesBrowserTest {

    static final String CHROMIUM = System.getenv().getOrDefault("VERBATIM_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("VERBATIM_CHROMEDRIVER", "/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "pages-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString();

    private static ChromeDriver browser;
    private static GoldTranscript gaggle;
    private static GoldTranscript merkel;
    private static TranscriptParsed hostile;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startChromium() throws IOException {
        if (!browserInstalled()) {
            installBrowser();
        }
        if (!browserInstalled()) {
            throw new IllegalStateException("PagesBrowserTest needs Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": testing/browser/install-chromium.sh could not install them (it needs root or "
                    + "sudo; see its output above), so install them with `apt-get install -y chromium "
                    + "chromium-driver` (Debian), or point VERBATIM_CHROMIUM and VERBATIM_CHROMEDRIVER at them");
        }
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-GB", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
    }

    private static boolean browserInstalled() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    /** Runs the project's install script (Debian packages), so that `./mvnw verify` needs nothing beforehand. */
    private static void installBrowser() throws IOException {
        Path script = Path.of("..", "testing", "browser", "install-chromium.sh").toAbsolutePath().normalize();
        Process install = new ProcessBuilder("bash", script.toString()).inheritIO().start();
        try {
            if (!install.waitFor(15, java.util.concurrent.TimeUnit.MINUTES)) {
                install.destroyForcibly();
            }
        } catch (InterruptedException e) {
            install.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void storeTheDocumentsOnce() {
        synchronized (PagesBrowserTest.class) {
            if (gaggle != null) {
                return;
            }
            GoldTranscript psaki = CorpusTranscripts.of("16-wh-psaki-gaggle", RUN);
            GoldTranscript interpreted = CorpusTranscripts.of("32-wh-biden-merkel-press-conference", RUN);
            TranscriptParsed script = document("Hearing on <script>document.title='pwned'</script> safety",
                    new TranscriptParsed.Statement(1, new TranscriptParsed.Speaker("Ada Lovelace", "Witness",
                            "Ada Lovelace (Witness)"), null, List.of("The committee heard that <script>window.pwned"
                            + " = true</script> is only text here, as are <b>tags</b>, 3 < 4 & ampersands, zanzibarite."),
                            List.of("(Laughter.)")));
            store(psaki.event(), interpreted.event(), script);
            gaggle = psaki;
            merkel = interpreted;
            hostile = script;
        }
    }

    @Test
    void searchForAPhraseAndOpenTheResultLandsOnTheStatementInItsTranscript() {
        open("/");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("\"looking forward to our trip to Kalamazoo\"", Keys.ENTER);
        waitFor(() -> browser.getCurrentUrl().contains("/search?"));

        List<WebElement> marks = browser.findElements(By.cssSelector(".statements .snippet mark"));
        assertThat(marks).extracting(WebElement::getText).anyMatch(t -> t.equalsIgnoreCase("Kalamazoo"));
        WebElement first = browser.findElement(By.cssSelector(".statements .statement"));
        assertThat(first.findElement(By.cssSelector(".who")).getText()).contains("Jen Psaki");
        screenshots("search");
        first.findElement(By.cssSelector(".where a")).click();

        waitFor(() -> browser.getCurrentUrl().contains("/transcripts/"));
        String fragment = URI.create(browser.getCurrentUrl()).getFragment();
        assertThat(fragment).matches("s\\d+");
        assertThat(browser.findElement(By.id(fragment)).getText()).contains("Looking forward to our trip to Kalamazoo");
    }

    @Test
    void transcriptShowsEveryStatementWithPermalinksAndFollowingOneTargetsIt() {
        open("/transcripts/" + gaggle.event().documentId());

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(gaggle.event().title());
        assertThat(browser.findElements(By.cssSelector("section.turn")))
                .hasSize(gaggle.event().statements().size());
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains("2021-02-19")
                .contains(gaggle.event().sourceUrl());
        screenshots("transcript");
        WebElement permalink = browser.findElement(By.cssSelector("#s5 h2 a.permalink"));
        permalink.click();

        waitFor(() -> browser.getCurrentUrl().endsWith("#s5"));
        Object targeted = js("return document.querySelector(':target') && document.querySelector(':target').id");
        assertThat(targeted).isEqualTo("s5");
        browser.findElement(By.cssSelector("#s5-p1 a.permalink")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("#s5-p1"));
        assertThat(js("return document.querySelector(':target').id")).isEqualTo("s5-p1");
    }

    @Test
    void interpretedStatementsCarryAVisibleBadge() {
        open("/transcripts/" + merkel.event().documentId());

        long interpreted = merkel.event().statements().stream()
                .filter(s -> "as interpreted".equals(s.annotation())).count();
        assertThat(interpreted).isPositive();
        assertThat(browser.findElements(By.cssSelector("section.turn .badge"))).hasSize((int) interpreted)
                .allSatisfy(b -> assertThat(b.getText()).isEqualTo("as interpreted"));
    }

    @Test
    void speakerPageShowsNameRolesCountAndStatementsNewestFirst() {
        open("/transcripts/" + gaggle.event().documentId());
        browser.findElement(By.cssSelector("#s1 h2 a")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/speakers/"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Jen Psaki");
        assertThat(browser.findElement(By.cssSelector("main article > p")).getText()).containsPattern("\\d+ statements");
        assertThat(browser.findElement(By.cssSelector("table.roles")).getText()).contains("Press Secretary");
        assertThat(browser.findElements(By.cssSelector(".statements .statement"))).isNotEmpty();
        String speakerPath = URI.create(browser.getCurrentUrl()).getPath();
        String feed = browser.findElement(By.cssSelector("a.feed")).getAttribute("href");
        assertThat(URI.create(feed).getPath())
                .isEqualTo(speakerPath.replace("/speakers/", "/feeds/speakers/") + ".atom");
        screenshots("speaker");
        HttpResponse<String> atom = fetch(feed);
        assertThat(atom.statusCode()).as("the speaker page's feed link is served").isEqualTo(200);
        assertThat(atom.headers().firstValue("Content-Type").orElse("")).contains("atom");
        assertThat(atom.body()).contains("<feed").contains("Jen Psaki");
    }

    @Test
    void statementStoredWhileTheHomePageIsOpenAppearsOnTopWithoutReloading() {
        open("/");
        waitFor(() -> browser.findElement(By.id("live-status")).getText().startsWith("Live"));
        js("window.verbatimMarker = 'same page'");
        screenshots("home");
        String words = "Live from the briefing room " + UUID.randomUUID();

        store(document("Live briefing " + RUN, new TranscriptParsed.Statement(1,
                new TranscriptParsed.Speaker("Jen Psaki", "Press Secretary", "MS. PSAKI"), null, List.of(words),
                List.of())));

        waitFor(() -> browser.findElement(By.cssSelector("#newest > li:first-child")).getText().contains(words));
        assertThat(js("return window.verbatimMarker")).as("the page was not reloaded").isEqualTo("same page");
        assertThat(browser.findElement(By.id("live-status")).getText()).contains("new statement");
        assertThat(browser.findElement(By.cssSelector("#newest > li:first-child .who")).getText())
                .contains("Jen Psaki");
    }

    @Test
    void quoteWithOtherPunctuationAndAMissingWordFindsTheStatementWithTheDifferenceMarked() {
        open("/check");
        browser.findElement(By.id("quote")).sendKeys("good afternoon -- looking forward to trip to Kalamazoo!");
        browser.findElement(By.cssSelector("form.check button")).click();
        waitFor(() -> !browser.findElements(By.cssSelector(".matches .match")).isEmpty());

        WebElement best = browser.findElement(By.cssSelector(".matches .match"));
        assertThat(best.findElement(By.cssSelector(".who")).getText()).contains("Jen Psaki");
        assertThat(best.findElements(By.cssSelector(".diff del"))).extracting(WebElement::getText)
                .containsExactly("our");
        assertThat(best.findElements(By.cssSelector(".diff ins"))).isEmpty();
        assertThat(best.findElement(By.cssSelector(".diff")).getText())
                .startsWith("Good afternoon. Looking forward to our trip to Kalamazoo.");
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("Jen Psaki").contains("1 difference");
        screenshots("check");
        best.findElement(By.cssSelector(".where a")).click();
        waitFor(() -> browser.getCurrentUrl().matches(".*/transcripts/[0-9a-f]{64}#s\\d+-p1"));
    }

    @Test
    void scriptInADocumentRendersAsTextAndNeverRuns() {
        open("/transcripts/" + hostile.documentId());

        assertThat(browser.findElement(By.cssSelector("#s1-p1")).getText())
                .contains("<script>window.pwned = true</script> is only text here, as are <b>tags</b>, 3 < 4 & "
                        + "ampersands, zanzibarite.");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("<script>document.title='pwned'</script>");
        assertThat(browser.findElements(By.cssSelector("main script, main b"))).isEmpty();
        assertThat(browser.getTitle()).startsWith("Hearing on <script>");
        assertThat(js("return typeof window.pwned")).isEqualTo("undefined");
        screenshots("transcript-with-script");

        // PostgreSQL's ts_headline turns tags into spaces, but keeps "<" and "&" as they are: shown as text here
        open("/search?q=zanzibarite");
        WebElement snippet = browser.findElement(By.cssSelector(".statements .snippet"));
        assertThat(snippet.getText()).contains("3 < 4 & ampersands");
        assertThat(snippet.findElements(By.tagName("mark"))).extracting(WebElement::getText)
                .containsExactly("zanzibarite");
        assertThat(snippet.findElements(By.cssSelector("script, b"))).isEmpty();
    }

    @Test
    void pagesSendAStrictContentSecurityPolicyAndLoadNothingFromElsewhere() throws Exception {
        HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base.toString())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(home.body()).contains("<html lang=\"en\">").doesNotContain("<script>")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");
        open("/search");
        assertThat(browser.findElements(By.cssSelector("input:not([type=hidden]), select, textarea")))
                .allSatisfy(field -> assertThat(browser.findElements(By.cssSelector("label[for='"
                        + field.getAttribute("id") + "']"))).as("label of %s", field.getAttribute("id")).hasSize(1));
        screenshots("search-form");
    }

    private void open(String path) {
        browser.get(base.toString().replaceAll("/$", "") + path);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void waitFor(java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> condition.get());
    }

    /**
     * Saves the page as a desktop (1280 px) and a phone (375 px) screenshot, and checks that at 375 px the page does
     * not scroll sideways.
     */
    private static void screenshots(String name) {
        try {
            save(name + "-desktop.png");
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 375, "height", 812,
                    "deviceScaleFactor", 1, "mobile", true));
            try {
                Awaitility.await().atMost(Duration.ofSeconds(5))
                        .until(() -> ((Number) js("return window.innerWidth")).intValue() == 375);
                long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
                assertThat(scrollWidth).as("%s at 375 px: document width", name).isLessThanOrEqualTo(375);
                save(name + "-375.png");
            } finally {
                browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
                browser.manage().window().setSize(new Dimension(1280, 900));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void save(String file) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }

    private static TranscriptParsed document(String title, TranscriptParsed.Statement... statements) {
        String documentId = Sha256.hex(title + RUN);
        return new TranscriptParsed(TranscriptParsed.eventIdFor(documentId, "h", "test"),
                EventTypes.TRANSCRIPT_PARSED, documentId, "https://example.org/" + documentId, "h", "test",
                TranscriptParsed.KIND_TRANSCRIPT, title, "2026-12-03", "Committee Room 1", "en", List.of(statements),
                List.of(), null, List.of(), List.of(), Instant.now());
    }

    private static HttpResponse<String> fetch(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void store(TranscriptParsed... events) {
        try (TopicWriter writer = new TopicWriter(KafkaBroker.shared().bootstrapServers())) {
            for (TranscriptParsed event : events) {
                writer.write(Topics.TRANSCRIPTS_PARSED, event.documentId(), EventJson.write(event));
            }
        }
        HttpClient client = HttpClient.newHttpClient();
        for (TranscriptParsed event : events) {
            URI uri = URI.create(base.toString()).resolve("/api/transcripts/" + event.documentId());
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> client.send(
                    HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        }
    }
}
