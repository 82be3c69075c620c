package io.verbatim.parse.extract;

import io.verbatim.events.TranscriptParsed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups the paragraphs of a {@link SourceDocument} into speaker turns by the annotation rules: a label starts a turn;
 * consecutive labelled paragraphs of the same speaker with nothing in between form one turn (unnamed ones too under the same
 * label: "Q" after "Q", "Remark:" after "Remark:", as the corpus conventions say; "Question from Pskov Region:" after
 * "Question from Tver Region:" is another person); a standalone remark or an
 * omission mark is left out of the turns, and a label after it starts a new turn even for the same speaker (so does
 * a stage remark that ends the block before the label, "… So, we know. (Laughter.)", and
 * a procedural narrative such as "The Prime Minister rose—" or "Mr Jones indicated dissent."); an interpretation
 * note that opens a turn ("(As interpreted.)") is that turn's annotation, not its text; a
 * section separator ("* * *") is furniture: a label after it starts a new turn, and unlabelled paragraphs after it go
 * on with the turn while they speak in the first or second person ("Colleagues, I know …"); the first that does not
 * ("Vladimir Putin also listened to reports …") is the page's narrative and ends the turn, and it and the paragraphs
 * after it are not speech until the next label. Unlabelled paragraphs before the first label are not speech. A document without labels whose reader found its one author ({@link SourceDocument#author()}) is that
 * author's single turn.
 *
 * <p>A speaker whose name one person link of the page matches, and only that one, carries that person's Kremlin id
 * ({@link KremlinPersonIds}).
 *
 * <p>The kind follows from the turns: none is a {@code readout}, one voice an {@code address}, several a
 * {@code transcript}.
 */
final class TurnAssembler {

    /** Class 54: the words of the title, the lead and each opening paragraph read for names, and those paragraphs. */
    private static final int OPENING_WORDS = 300;
    private static final int OPENING_BLOCKS = 10;

    private final SpeakerLabelParser labels;
    private final ParseLimits limits;

    TurnAssembler(SpeakerLabelParser labels, ParseLimits limits) {
        this.labels = labels;
        this.limits = limits;
    }

    /**
     * Class 54: the names of three or four words that the title, the lead or the text before the first label writes as
     * a run of their own; read only when some label is long enough to hold a role and such a name (four words or more).
     */
    private static List<String> longNamesOfTheOpening(SourceDocument document, Set<String> distinctLabels,
            Set<String> knownNames) {
        boolean longLabel = false;
        for (String label : distinctLabels) {
            longLabel = longLabel || WhitespaceNormalizer.normalize(label).split(" ", 5).length >= 4;
        }
        if (!longLabel) {
            return List.of();
        }
        List<String> runs = new ArrayList<>(SpeakerLabelParser.longNamesStandingIn(document.title(), OPENING_WORDS));
        runs.addAll(SpeakerLabelParser.longNamesStandingIn(document.lead(), OPENING_WORDS));
        int openingBlocks = 0;
        for (SourceBlock block : document.blocks()) {
            if (block.hasLabel() || ++openingBlocks > OPENING_BLOCKS) {
                break;
            }
            if (!block.separator()) {
                runs.addAll(SpeakerLabelParser.longNamesStandingIn(block.text(), OPENING_WORDS));
            }
        }
        // a run never lengthens a name that a bare label or a catalogue link gives: "State Duma Vladimir Zhirinovsky"
        // in a lead does not make "Duma" part of the linked "Vladimir Zhirinovsky"
        List<String> found = new ArrayList<>();
        for (String run : runs) {
            if (!endsWithKnownName(run, knownNames)) {
                found.add(run);
            }
        }
        return found;
    }

    private static boolean endsWithKnownName(String run, Set<String> knownNames) {
        for (int space = run.indexOf(' '); space > 0; space = run.indexOf(' ', space + 1)) {
            if (knownNames.contains(run.substring(space + 1))) {
                return true;
            }
        }
        return false;
    }

    ExtractedTranscript assemble(SourceDocument document, ParseDeadline deadline) {
        // A transcript repeats a handful of labels many times: each distinct label is read once.
        Set<String> distinctLabels = new LinkedHashSet<>();
        for (SourceBlock block : document.blocks()) {
            if (block.hasLabel()) {
                distinctLabels.add(block.label());
            }
        }
        // Where a role-first label's name starts: bare labels of the same person, the persons the page links to
        // (catalogue links, also inside labels), and persons that the lead lists with their roles.
        Set<String> knownNames = new LinkedHashSet<>();
        for (String label : distinctLabels) {
            labels.bareName(label).ifPresent(knownNames::add);
        }
        for (String person : document.persons()) {
            SpeakerLabelParser.personName(WhitespaceNormalizer.normalize(person)).ifPresent(knownNames::add);
        }
        knownNames.addAll(SpeakerLabelParser.namesListedIn(document.lead()));
        // class 54: names of three or four words that the title, the lead or the text before the first label writes
        // as a run of their own ("… met with Recep Tayyip Erdogan in the Kremlin")
        knownNames.addAll(longNamesOfTheOpening(document, distinctLabels, knownNames));
        Map<String, SpeakerLabel> parsedLabels = new HashMap<>();
        for (String label : distinctLabels) {
            deadline.check();
            parsedLabels.put(label, labels.parse(label, knownNames));
        }
        List<SourceBlock> blocks = new ArrayList<>();
        List<SpeakerLabel> parsed = new ArrayList<>();
        for (SourceBlock block : document.blocks()) {
            if (block.hasLabel()) {
                parsed.add(parsedLabels.get(block.label()));
            }
            blocks.add(block);
        }
        SpeakerResolver speakers = new SpeakerResolver(parsed, document.title(), deadline);

        List<TranscriptParsed.Statement> statements = new ArrayList<>();
        List<String> remarks = new ArrayList<>();
        OpenTurn turn = null;
        InlineRemarks inlineRemarks = new InlineRemarks(limits);
        // the names of persons (not unnamed voices, not an office named alone), for their Kremlin person ids
        Set<String> personNames = new LinkedHashSet<>();
        if (document.author() != null && parsed.isEmpty()) {
            turn = new OpenTurn(document.author(), null, inlineRemarks);
            personNames.add(document.author().name());
        }
        boolean interrupted = false;
        boolean afterSeparator = false; // unlabelled paragraphs since a separator inside a turn
        int labelIndex = 0;
        for (SourceBlock block : blocks) {
            deadline.check();
            if (block.hasLabel()) {
                SpeakerLabel label = parsed.get(labelIndex++);
                TranscriptParsed.Speaker speaker = speakers.resolve(label);
                if (!label.unnamed() && !(label.office() && speaker.name().equals(label.name()))) {
                    personNames.add(speaker.name());
                }
                // unnamed voices are one speaker only under the same label: "Q" after "Q" goes on, "Question from Pskov
                // Region:" after "Question from Tver Region:" is another person
                // two people of one name and different roles ("Obama", President; "Obama", First Lady) take turns
                boolean sameSpeaker = turn != null && !interrupted && turn.speaker.name().equals(speaker.name())
                        && java.util.Objects.equals(turn.speaker.role(), speaker.role())
                        && (!label.unnamed() || label.verbatim().equals(turn.speaker.label()));
                String text = block.text();
                String note = label.annotation() == null && !sameSpeaker ? StageRemarks.interpretationNote(text) : null;
                if (note != null) {
                    text = StageRemarks.withoutInterpretationNote(text);
                }
                if (!sameSpeaker) {
                    if (turn != null) {
                        statements.add(turn.close(statements.size() + 1));
                    }
                    turn = new OpenTurn(speaker, note != null ? note : label.annotation(), inlineRemarks);
                }
                turn.add(text);
                // a stage remark that ends the block stands between it and the next label ("… (Laughter.)")
                interrupted = StageRemarks.endsWithRemark(text);
                afterSeparator = false;
            } else if (block.separator()) {
                // the separator is furniture: a label after it starts a new turn, speech after it goes on
                afterSeparator = turn != null;
                interrupted = true;
            } else if (block.narrative() || StageRemarks.isStandalone(block.text())
                    || StageRemarks.isProceduralNarrative(block.text())) {
                remarks.add(block.text());
                interrupted = true;
            } else if (turn != null && afterSeparator && !StageRemarks.speaksInPerson(block.text())) {
                // the page's own report after the transcript ("Vladimir Putin also listened to reports …")
                statements.add(turn.close(statements.size() + 1));
                turn = null;
            } else if (turn != null) {
                turn.add(block.text());
                interrupted = interrupted || StageRemarks.endsWithRemark(block.text());
            }
        }
        if (turn != null) {
            statements.add(turn.close(statements.size() + 1));
        }
        statements.removeIf(statement -> statement.paragraphs().isEmpty());
        List<TranscriptParsed.Statement> numbered = renumber(statements,
                KremlinPersonIds.of(personNames, document.personLinks(), deadline));
        return new ExtractedTranscript(kindOf(numbered), document.title(), document.publishedAt(), document.location(),
                document.language(), numbered, remarks, document.source(), document.tags(), document.persons());
    }

    /** The statements numbered from 1, each person's speaker with the Kremlin person id the page gives them. */
    private static List<TranscriptParsed.Statement> renumber(List<TranscriptParsed.Statement> statements,
            Map<String, String> kremlinIds) {
        List<TranscriptParsed.Statement> result = new ArrayList<>(statements.size());
        for (TranscriptParsed.Statement s : statements) {
            String kremlinId = kremlinIds.get(s.speaker().name());
            TranscriptParsed.Speaker speaker = kremlinId == null ? s.speaker()
                    : s.speaker().withExternalId(TranscriptParsed.Speaker.KREMLIN, kremlinId);
            result.add(new TranscriptParsed.Statement(result.size() + 1, speaker, s.annotation(), s.paragraphs(),
                    s.remarks()));
        }
        return result;
    }

    private static String kindOf(List<TranscriptParsed.Statement> statements) {
        if (statements.isEmpty()) {
            return TranscriptParsed.KIND_READOUT;
        }
        Set<String> names = new HashSet<>();
        statements.forEach(s -> names.add(s.speaker().name()));
        return names.size() == 1 ? TranscriptParsed.KIND_ADDRESS : TranscriptParsed.KIND_TRANSCRIPT;
    }

    /** The inline remarks of one document's turns, counted as they are collected against the bound. */
    private static final class InlineRemarks {
        private final ParseLimits limits;
        private int collected;

        InlineRemarks(ParseLimits limits) {
            this.limits = limits;
        }

        /** The paragraph's inline remarks; refuses the document once they bring its remarks past the bound. */
        List<String> of(String paragraph) {
            int room = limits.maxRemarks() - collected;
            // one more than there is room for is enough to refuse: a paragraph of a million is not collected first
            List<String> found = StageRemarks.inline(paragraph, room == Integer.MAX_VALUE ? room : room + 1);
            collected += found.size();
            limits.checkRemarks(collected);
            return found;
        }
    }

    /** A turn being collected. */
    private static final class OpenTurn {
        private final TranscriptParsed.Speaker speaker;
        private final String annotation;
        private final InlineRemarks inlineRemarks;
        private final List<String> paragraphs = new ArrayList<>();
        private final List<String> remarks = new ArrayList<>();

        OpenTurn(TranscriptParsed.Speaker speaker, String annotation, InlineRemarks inlineRemarks) {
            this.speaker = speaker;
            this.annotation = annotation;
            this.inlineRemarks = inlineRemarks;
        }

        void add(String paragraph) {
            if (paragraph == null || paragraph.isBlank()) {
                return;
            }
            paragraphs.add(paragraph);
            remarks.addAll(inlineRemarks.of(paragraph));
        }

        TranscriptParsed.Statement close(int ordinal) {
            return new TranscriptParsed.Statement(ordinal, speaker, annotation, paragraphs, remarks);
        }
    }
}
