package io.verbatim.store.api;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.verbatim.events.Sha256;
import io.verbatim.events.http.Problem;
import io.verbatim.store.speaker.SpeakerLookup;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Atom feeds of the newest 50 statements, written with Rome: per speaker ({@code /feeds/speakers/{id}.atom}) and per
 * search ({@code /feeds/statements.atom?q=&speaker=}). Each entry links to the statement's permalink and to its
 * source. {@code ETag} (the newest statement ids) and {@code Last-Modified} (the newest storage time) let feed
 * readers poll with {@code If-None-Match}/{@code If-Modified-Since} and get {@code 304} while nothing is new.
 */
@Path("/feeds")
public class AtomFeedResource {

    public static final String ATOM = "application/atom+xml";
    static final int ENTRIES = 50;

    private final ReadQueries queries;

    public AtomFeedResource(ReadQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/speakers/{id}.atom")
    @Produces({ATOM, Problem.MEDIA_TYPE})
    @Operation(summary = "Atom feed of a speaker's newest 50 statements")
    public Response speaker(@PathParam("id") String id, @Context Request request, @Context UriInfo uri) {
        String text = QueryParams.text(id, "id", 200);
        return queries.run(session -> {
            SpeakerLookup.Candidate speaker = SpeakerParam.require(session, text);
            List<StoredStatements.Row> rows = StoredStatements.select(session, "s.speaker_id = :speaker",
                    Map.of("speaker", speaker.key()), ENTRIES);
            return answer(request, uri, "Statements by " + speaker.name(), "urn:verbatim:feed:speaker:" + speaker.id(),
                    rows);
        });
    }

    @GET
    @Path("/statements.atom")
    @Produces({ATOM, Problem.MEDIA_TYPE})
    @Operation(summary = "Atom feed of the newest 50 statements matching q (search syntax) and speaker")
    public Response statements(@QueryParam("q") String q, @QueryParam("speaker") String speaker,
            @Context Request request, @Context UriInfo uri) {
        String query = QueryParams.text(q, "q", 500);
        String speakerText = QueryParams.text(speaker, "speaker", 200);
        return queries.run(session -> {
            Map<String, Object> parameters = new LinkedHashMap<>();
            List<String> where = new ArrayList<>(List.of("true"));
            String title = "Statements";
            if (speakerText != null) {
                SpeakerLookup.Candidate found = SpeakerParam.require(session, speakerText);
                parameters.put("speaker", found.key());
                where.add("s.speaker_id = :speaker");
                title += " by " + found.name();
            }
            if (query != null) {
                parameters.put("q", query);
                where.add("s.search @@ query");
                title += " matching \"" + query + "\"";
            }
            List<StoredStatements.Row> rows = StoredStatements.select(session, String.join(" and ", where),
                    parameters, ENTRIES);
            return answer(request, uri, title, "urn:verbatim:feed:statements:" + Sha256.hex(
                    (speakerText == null ? "" : speakerText) + "\n" + (query == null ? "" : query)), rows);
        });
    }

    private static Response answer(Request request, UriInfo uri, String title, String feedId,
            List<StoredStatements.Row> rows) {
        Instant updated = rows.stream().map(StoredStatements.Row::storedAt).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        StringBuilder ids = new StringBuilder(feedId);
        rows.forEach(row -> ids.append(',').append(row.statementId()));
        EntityTag etag = new EntityTag(Sha256.hex(ids.toString()).substring(0, 32));
        Date lastModified = Date.from(updated.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified, etag);
        if (notModified != null) {
            return notModified.tag(etag).lastModified(lastModified).build();
        }
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(title);
        feed.setUri(feedId);
        feed.setPublishedDate(Date.from(updated));
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setType(ATOM);
        self.setHref(uri.getRequestUri().toString());
        feed.setLinks(List.of(self));
        SyndPerson verbatim = new SyndPersonImpl();
        verbatim.setName("Verbatim");
        feed.setAuthors(List.of(verbatim));
        List<SyndEntry> entries = new ArrayList<>();
        for (StoredStatements.Row row : rows) {
            entries.add(entry(row, base));
        }
        feed.setEntries(entries);
        try {
            String xml = new SyndFeedOutput().outputString(feed);
            return Response.ok(xml, ATOM + ";charset=UTF-8").tag(etag).lastModified(lastModified).build();
        } catch (FeedException e) {
            throw new IllegalStateException("the Atom feed could not be written", e);
        }
    }

    private static SyndEntry entry(StoredStatements.Row row, String base) {
        SyndEntry entry = new SyndEntryImpl();
        String speaker = row.speaker().name() == null ? row.label() : row.speaker().name();
        entry.setTitle(speaker + (row.transcriptTitle() == null ? "" : " — " + row.transcriptTitle()));
        entry.setUri("urn:verbatim:statement:" + row.statementId());
        List<SyndLink> links = new ArrayList<>();
        SyndLink permalink = new SyndLinkImpl();
        permalink.setRel("alternate");
        permalink.setType("application/json");
        permalink.setHref(base + StatementPermalinkResource.permalink(row.statementId()));
        links.add(permalink);
        if (row.sourceUrl() != null) {
            SyndLink source = new SyndLinkImpl();
            source.setRel("via");
            source.setType("text/html");
            source.setHref(row.sourceUrl());
            links.add(source);
        }
        entry.setLinks(links);
        entry.setLink(permalink.getHref());
        SyndPerson author = new SyndPersonImpl();
        author.setName(speaker);
        entry.setAuthors(List.of(author));
        entry.setPublishedDate(Date.from(row.storedAt()));
        entry.setUpdatedDate(Date.from(row.storedAt()));
        SyndContent content = new SyndContentImpl();
        content.setType("text");
        content.setValue(row.text());
        entry.setContents(List.of(content));
        return entry;
    }
}
