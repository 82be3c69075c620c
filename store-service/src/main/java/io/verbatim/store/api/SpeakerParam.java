package io.verbatim.store.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.verbatim.events.http.Problem;
import io.verbatim.store.speaker.SpeakerLookup;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The {@code speaker=} parameter of every endpoint that has one: the text is looked up by {@link SpeakerLookup}'s
 * rules. One speaker is the answer; several are a {@code 300 Multiple Choices} problem listing them; none is a
 * {@code 404} problem with suggestions. Never an empty list that would read as "this person said nothing".
 */
public final class SpeakerParam {

    static final String AMBIGUOUS = "urn:verbatim:problem:ambiguous-speaker";
    static final String UNKNOWN = "urn:verbatim:problem:unknown-speaker";

    private SpeakerParam() {
    }

    /** A speaker offered to the reader: as candidate of an ambiguous name, or as suggestion for an unknown one. */
    public record SpeakerChoice(String id, String name, String kind, String role) {

        static SpeakerChoice of(SpeakerLookup.Candidate candidate) {
            return new SpeakerChoice(candidate.id(), candidate.name(), candidate.kind(), candidate.role());
        }
    }

    /** RFC 7807 problem with the speakers to choose from ({@code candidates}) or that look alike ({@code suggestions}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SpeakerProblem(String type, String title, int status, String detail, String speaker,
            List<SpeakerChoice> candidates, List<SpeakerChoice> suggestions) {
    }

    static SpeakerLookup.Candidate require(EntityManager session, String text) {
        SpeakerLookup.Match match = SpeakerLookup.find(session, text);
        switch (match.outcome()) {
            case FOUND:
                return match.speaker();
            case AMBIGUOUS:
                throw problem(new SpeakerProblem(AMBIGUOUS, "Ambiguous speaker", 300,
                        "\"" + text + "\" names " + match.candidates().size()
                                + " speakers; ask again with the id of one of the candidates",
                        text, choices(match.candidates()), null));
            default:
                throw unknown(text, match.candidates());
        }
    }

    static WebApplicationException unknown(String text, List<SpeakerLookup.Candidate> suggestions) {
        return problem(new SpeakerProblem(UNKNOWN, "Unknown speaker", 404,
                "no speaker is known as \"" + text + "\"" + (suggestions.isEmpty() ? ""
                        : "; did you mean one of the suggestions?"),
                text, null, choices(suggestions)));
    }

    private static List<SpeakerChoice> choices(List<SpeakerLookup.Candidate> candidates) {
        return candidates.stream().map(SpeakerChoice::of).toList();
    }

    private static WebApplicationException problem(SpeakerProblem problem) {
        return new WebApplicationException(Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem).build());
    }
}
