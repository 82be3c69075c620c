package io.verbatim.store.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.verbatim.events.http.Problem;
import io.verbatim.store.api.Page;
import io.verbatim.store.api.SpeakerParam;
import io.verbatim.store.api.SpeakerResource;
import io.verbatim.store.api.StatementResource;
import io.verbatim.store.api.StatementResource.StatementHit;
import io.verbatim.store.api.StatementView;
import io.verbatim.store.api.TranscriptResource;
import io.verbatim.store.api.TranscriptView;
import io.verbatim.store.pages.PageViews.CheckPage;
import io.verbatim.store.pages.PageViews.ExternalLink;
import io.verbatim.store.pages.PageViews.HomePage;
import io.verbatim.store.pages.PageViews.Paragraph;
import io.verbatim.store.pages.PageViews.ProblemPage;
import io.verbatim.store.pages.PageViews.Refusal;
import io.verbatim.store.pages.PageViews.RoleRow;
import io.verbatim.store.pages.PageViews.SearchPage;
import io.verbatim.store.pages.PageViews.SpeakerPage;
import io.verbatim.store.pages.PageViews.StatementItem;
import io.verbatim.store.pages.PageViews.TranscriptPage;
import io.verbatim.store.pages.PageViews.TranscriptStatement;
import io.verbatim.store.quote.QuoteChecker;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The pages people read (issue 15), rendered on the server with Qute from the query API's own resources, so every
 * page answers exactly what the JSON API answers: home (search box, newest statements, live ones through the SSE
 * stream), search results, a speaker, a transcript with permalinks, and the quote check. Plain HTML and CSS that work
 * without JavaScript; {@code /static/live.js} only adds the live list. Every value is escaped by the templates; a
 * refusal of the API (a bad date, an unknown or ambiguous speaker) is shown on the page with its status.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Pages {

    static final int PAGE_SIZE = 20;
    private static final int EXCERPT_CHARS = 280;

    @CheckedTemplate(basePath = "pages")
    static class Templates {
        static native TemplateInstance home(HomePage page);

        static native TemplateInstance search(SearchPage page);

        static native TemplateInstance speaker(SpeakerPage page);

        static native TemplateInstance transcript(TranscriptPage page);

        static native TemplateInstance check(CheckPage page);

        static native TemplateInstance problem(ProblemPage page);
    }

    private final StatementResource statements;
    private final SpeakerResource speakers;
    private final TranscriptResource transcripts;
    private final QuoteChecker checker;

    public Pages(StatementResource statements, SpeakerResource speakers, TranscriptResource transcripts,
            QuoteChecker checker) {
        this.statements = statements;
        this.speakers = speakers;
        this.transcripts = transcripts;
        this.checker = checker;
    }

    @GET
    public Response home() {
        return render(() -> {
            Page<StatementHit> newest = statements.list(null, null, null, null, null, null,
                    Integer.toString(PAGE_SIZE), null);
            return Templates.home(new HomePage(items(newest.items()), "/api/statements/stream"));
        });
    }

    @GET
    @Path("search")
    public Response search(@QueryParam("q") String q, @QueryParam("speaker") String speaker,
            @QueryParam("kind") String kind, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor) {
        String query = blankToNull(q);
        String who = blankToNull(speaker);
        String kindName = blankToNull(kind);
        String fromDate = blankToNull(from);
        String toDate = blankToNull(to);
        List<String> kinds = List.of("transcript", "address", "readout");
        SearchPage empty = new SearchPage(query, who, kindName, fromDate, toDate, kinds, List.of(), null, null);
        if (!empty.searched()) {
            return Response.ok(Templates.search(empty)).build();
        }
        try {
            Page<StatementHit> found = statements.list(who, fromDate, toDate, null, query, kindName,
                    Integer.toString(PAGE_SIZE), blankToNull(cursor));
            String next = found.nextCursor() == null ? null : Links.withQuery("/search", Links.params("q", query,
                    "speaker", who, "kind", kindName, "from", fromDate, "to", toDate, "cursor", found.nextCursor()));
            return Response.ok(Templates.search(new SearchPage(query, who, kindName, fromDate, toDate, kinds,
                    items(found.items()), next, null))).build();
        } catch (WebApplicationException e) {
            Refusal refusal = refusal(e);
            return Response.status(refusal.status()).entity(Templates.search(new SearchPage(query, who, kindName,
                    fromDate, toDate, kinds, List.of(), null, refusal))).build();
        }
    }

    @GET
    @Path("speakers/{id}")
    public Response speaker(@PathParam("id") String id, @QueryParam("cursor") String cursor) {
        return render(() -> {
            SpeakerResource.SpeakerDetail detail = speakers.get(id);
            Page<StatementHit> said = statements.list(detail.id(), null, null, null, null, null,
                    Integer.toString(PAGE_SIZE), blankToNull(cursor));
            String next = said.nextCursor() == null ? null
                    : Links.withQuery("/speakers/" + Links.segment(detail.id()), Links.params("cursor",
                            said.nextCursor()));
            List<RoleRow> roles = detail.roles().stream().map(r -> new RoleRow(r.role(),
                    r.firstSeenOn() == null ? null : r.firstSeenOn().toString(),
                    r.lastSeenOn() == null ? null : r.lastSeenOn().toString())).toList();
            List<ExternalLink> external = detail.externalIds().stream()
                    .map(x -> new ExternalLink(x.scheme(), x.value(), x.url())).toList();
            return Templates.speaker(new SpeakerPage(detail.id(), detail.name(), detail.kind(), detail.role(),
                    detail.statements(), detail.aliases(), roles, external, SpeakerFeeds.feedUrl(detail.id()),
                    items(said.items()), next));
        });
    }

    @GET
    @Path("transcripts/{documentId}")
    public Response transcript(@PathParam("documentId") String documentId) {
        return render(() -> {
            TranscriptView t = transcripts.get(documentId);
            List<TranscriptStatement> said = new ArrayList<>();
            for (StatementView s : t.statements()) {
                String anchor = "s" + s.ordinal();
                List<Paragraph> paragraphs = new ArrayList<>();
                for (int p = 0; p < s.paragraphs().size(); p++) {
                    paragraphs.add(new Paragraph(anchor + "-p" + (p + 1), s.paragraphs().get(p)));
                }
                said.add(new TranscriptStatement(s.ordinal(), anchor, s.speaker().id(), s.speaker().name(),
                        s.speaker().role(), s.label(), s.annotation(),
                        QuoteChecker.isInterpreted(s.annotation(), s.label(), s.speaker().name()), paragraphs,
                        s.remarks()));
            }
            return Templates.transcript(new TranscriptPage(t.documentId(), t.title(), t.kind(), t.publishedAt(),
                    t.location(), safeUrl(t.sourceUrl()), t.language(), t.revision(), t.remarks(), said));
        });
    }

    @GET
    @Path("check")
    public Response checkForm() {
        return Response.ok(Templates.check(new CheckPage(null, checker.threshold(), null, null))).build();
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(@FormParam("quote") String quote) {
        try {
            QuoteChecker.QuoteCheck result = checker.check(quote, 5);
            return Response.ok(Templates.check(new CheckPage(quote, checker.threshold(), result, null))).build();
        } catch (WebApplicationException e) {
            Refusal refusal = refusal(e);
            return Response.status(refusal.status())
                    .entity(Templates.check(new CheckPage(quote, checker.threshold(), null, refusal))).build();
        }
    }

    /** Renders a page; a refusal of the API becomes the problem page with the API's status. */
    private static Response render(Supplier<TemplateInstance> page) {
        try {
            return Response.ok(page.get()).build();
        } catch (WebApplicationException e) {
            Refusal refusal = refusal(e);
            return Response.status(refusal.status()).entity(Templates.problem(new ProblemPage(refusal))).build();
        }
    }

    static Refusal refusal(WebApplicationException e) {
        Object entity = e.getResponse().getEntity();
        if (entity instanceof SpeakerParam.SpeakerProblem speaker) {
            List<SpeakerParam.SpeakerChoice> choices = speaker.candidates() != null ? speaker.candidates()
                    : speaker.suggestions() != null ? speaker.suggestions() : List.of();
            return new Refusal(speaker.status(), speaker.title(), speaker.detail(), choices);
        }
        if (entity instanceof Problem problem) {
            return new Refusal(problem.status(), problem.title(), problem.detail(), List.of());
        }
        int status = e.getResponse().getStatus();
        return new Refusal(status, e.getResponse().getStatusInfo().getReasonPhrase(), null, List.of());
    }

    static List<StatementItem> items(List<StatementHit> hits) {
        return hits.stream().map(h -> new StatementItem(h.speaker().id(), h.speaker().name(), h.speaker().role(),
                h.annotation(), QuoteChecker.isInterpreted(h.annotation(), h.label(), h.speaker().name()),
                excerpt(h.text()), Snippets.toHtml(h.snippet()), h.documentId(), h.ordinal(), h.transcriptTitle(),
                h.publishedAt())).toList();
    }

    /** The first lines of a statement, cut at a word. */
    static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= EXCERPT_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', EXCERPT_CHARS);
        return flat.substring(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS) + " …";
    }

    /** Only http(s) links are links; anything else (a {@code javascript:} URL) is not linked. */
    static String safeUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
