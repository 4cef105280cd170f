"""Interview transcripts (transcript.py, evals/GUIDELINES.md 9.8): every answer paragraph is one
claim of the person answering, cue null, source = the turn's label; questions, the interviewer
and thanks are no claims. On transcripts written for these tests."""

from extractor.cleaning import split_articles
from extractor.models import RawInput

WIKINEWS_STYLE = (
    "Marine biologist Ana Ruiz has spent ten years counting seabirds on the Farne coast. "
    "Wikinews spoke with Ruiz about her survey.\n\n"
    "((WN))  What drew you to the project?\n\n"
    "((Ana Ruiz))  The data. Nobody had looked at it.\n\n"
    "We spent a year on it before we saw the pattern.\n\n"
    "((TB))  Your report said the colony was shrinking. Is that still true?\n\n"
    "((Ana Ruiz))  It is. The ministry told us in May that the fishing ban would stay, and I \"hope\" it does.\n\n"
    "((WN))  Thank you for your time.\n\n"
    "((Ana Ruiz))  Thank you. It was a pleasure.\n"
)


def turns(rows):
    return [r for r in rows if r[1] is None]


def test_bracket_labels_make_each_answer_paragraph_a_claim(run):
    rows = run(WIKINEWS_STYLE)
    answers = turns(rows)
    assert [r[2] for r in answers] == [
        "The data. Nobody had looked at it.",
        "We spent a year on it before we saw the pattern.",
        "It is. The ministry told us in May that the fishing ban would stay, and I \"hope\" it does.",
    ]
    for mention, _, _, claim in answers:
        assert mention == "Ana Ruiz" and claim.source.name == "Ana Ruiz" and claim.source.type == "person"
        assert claim.quote is None and claim.stance == "asserted"
        assert [f.code for f in claim.flags] == ["inferred_speaker"]
    # The continuation paragraph's mention is the label of the turn it continues.
    raw = WIKINEWS_STYLE
    second = answers[1][3].source.mention
    assert raw[second.start : second.end] == "Ana Ruiz" and second.start == raw.index("((Ana Ruiz))") + 2
    assert answers[0][3].claim == 'Ana Ruiz said: "The data. Nobody had looked at it."'
    assert answers[2][3].claim.startswith("Ana Ruiz said: \"It is. The ministry told us in May") and "'hope'" in answers[2][3].claim


def test_questions_and_thanks_are_not_claims(run):
    rows = run(WIKINEWS_STYLE)
    assert not [r for r in rows if "colony was shrinking" in r[2]], rows  # the question's "said"
    assert not [r for r in rows if "pleasure" in r[2] or "your time" in r[2]], rows
    assert not [r for r in rows if r[0] in ("WN", "TB", "I", "us", "we")], rows  # (TB: a second interviewer)


def test_a_named_source_inside_an_answer_keeps_its_own_claim(run):
    rows = run(WIKINEWS_STYLE)
    ministry = [r for r in rows if r[0] == "The ministry"]
    assert ministry and ministry[0][2].startswith("the fishing ban would stay")
    rows = run("((WN))  Who got you started?\n\n"
               "((Ana Ruiz))  My father told me that birds were the best clock. People say that still.\n\n"
               "((WN))  And your colleagues?\n\n"
               "((Ana Ruiz))  Our team said we would stay ten years. Your readers know the rest.\n")
    assert [r[0] for r in rows if r[1] is not None] == ["My father"], rows


def test_colon_labels_with_initials_and_q(run):
    text = ("Tomas Berg, the harbour master of Ostvik, answered our questions by email.\n\n"
            "Q: How busy was the summer?\n\n"
            "Tomas Berg: Busier than ever. We counted four hundred boats in July.\n\n"
            "Q: Will the harbour grow?\n\n"
            "TB: Not this year. The town has no money for it.\n\n"
            "Q: What do the fishermen say?\n\n"
            "TB: They want a longer pier.\n")
    answers = turns(run(text))
    assert [r[2] for r in answers] == ["Busier than ever. We counted four hundred boats in July.",
                                       "Not this year. The town has no money for it.", "They want a longer pier."]
    assert [r[0] for r in answers] == ["Tomas Berg", "TB", "TB"]
    assert {r[3].source.name for r in answers} == {"Tomas Berg"}


def test_answer_labels_go_to_the_interviewee_of_the_introduction(run):
    text = ("Chef Sarah Collins opened her third restaurant in Leeds last week. Collins talked to us about it.\n\n"
            "Q: Why a third one?\n\n"
            "A: Because the second one is always full.\n\n"
            "Q: And the menu?\n\n"
            "A: Mostly fish, as before.\n")
    answers = turns(run(text))
    assert [r[2] for r in answers] == ["Because the second one is always full.", "Mostly fish, as before."]
    for mention, _, _, claim in answers:
        assert mention == "Collins" and claim.source.name == "Sarah Collins"
        assert claim.claim.startswith('Sarah Collins said: "')


def test_bare_questions_before_labelled_answers(run):
    text = ("Painter Ivo Kask showed his new work in Tartu. We asked him about it.\n\n"
            "You said in 2019 that you were done with the river. Why paint it again?\n\n"
            "Ivo Kask: The river changed. So I changed too.\n\n"
            "It took me two winters.\n\n"
            "Where will the paintings go next?\n\n"
            "Ivo Kask: To Riga, in the spring.\n")
    rows = run(text)
    answers = turns(rows)
    assert [r[2] for r in answers] == ["The river changed. So I changed too.", "It took me two winters.",
                                       "To Riga, in the spring."]
    assert all(r[0] == "Ivo Kask" for r in answers)
    assert not [r for r in rows if "were done" in r[2]], rows


def test_a_run_in_head_inside_an_answer_is_not_a_speaker(run):
    text = ("((WN))  What are your goals?\n\n"
            "((Ana Ruiz))  Short term: count every nest.\n\n"
            "Field Work: two months on the island.\n\n"
            "((WN))  And after that?\n\n"
            "((Ana Ruiz))  A book, maybe.\n")
    answers = turns(run(text))
    assert [r[2] for r in answers] == ["Short term: count every nest.", "Field Work: two months on the island.",
                                       "A book, maybe."]
    assert all(r[0] == "Ana Ruiz" for r in answers)


def test_a_line_break_inside_an_answer_paragraph_keeps_one_claim(run):
    text = ("((WN))  How long did it take?\n\n"
            "((Ana Ruiz))  Two years in the field,\nand one more to write it up.\n\n"
            "((WN))  Was it worth it?\n\n"
            "((Ana Ruiz))  Every day of it.\n")
    answers = turns(run(text))
    assert [r[2] for r in answers] == ["Two years in the field,\nand one more to write it up.", "Every day of it."]


def test_an_article_that_is_no_interview_gets_no_turns(run):
    text = ("Update: the match was moved to Sunday.\n\n"
            "The club said the pitch was flooded. Coach Jo Berg said the players were ready.\n\n"
            "Note: tickets stay valid.\n")
    rows = run(text)
    assert not turns(rows), rows
    assert [r[0] for r in rows] == ["The club", "Coach Jo Berg"]


def test_a_transcript_of_many_short_turns_stays_one_article(run):
    lines = ["Wikinews talked to the sailor Eva Lind after her race around Gotland."]
    for n in range(1, 9):
        lines += [f"((WN))  And on day {n}?", f"((Eva Lind))  Day {n} was windy."]
    text = "\n\n\n".join(lines) + "\n"
    assert len(split_articles(RawInput(input_id="t", text=text))) == 1
    answers = turns(run(text))
    assert len(answers) == 8 and all(r[0] == "Eva Lind" and r[3].source.name == "Eva Lind" for r in answers)


def test_unlabelled_answers_after_labelled_questions_are_the_interviewee(run):
    text = ("Novelist Sarah Collins spoke to us before her reading in Leeds.\n\n"
            "Q: Where do your stories start?\n\n"
            "Usually with a place. I walk a lot.\n\n"
            "Q: And the people in them?\n\n"
            "They come later, once I know the streets.\n")
    answers = turns(run(text))
    assert [r[2] for r in answers] == ["Usually with a place. I walk a lot.", "They come later, once I know the streets."]
    assert all(r[0] == "Sarah Collins" and r[3].source.name == "Sarah Collins" for r in answers)


def test_an_explainer_in_questions_is_not_an_interview(run):
    text = ("The council will vote on the new bus lanes on Monday. Councillor Sarah Collins proposed them.\n\n"
            "Q: Where will the lanes run?\n\n"
            "Along the ring road, from the station to the hospital.\n\n"
            "Q: When will they open?\n\n"
            "In the spring, if the vote passes.\n")
    assert not turns(run(text))


def test_the_publication_speaking_of_the_interviewee_between_turns_is_no_answer(run):
    text = ("((WN))  What would success look like?\n\n"
            "((Ana Ruiz))  More nests every year.\n\n"
            "Ruiz also spoke about her plans for a second survey.\n\n"
            "((WN))  When will it start?\n\n"
            "((Ana Ruiz))  In June.\n")
    assert [r[2] for r in turns(run(text))] == ["More nests every year.", "In June."]


def test_a_named_interviewer_and_a_colon_after_the_brackets(run):
    text = ("Our reporter Tom Bradley talked to the runner Sarah Collins after the race.\n\n"
            "((TB)) : Was the course hard?\n\n"
            "((Sarah Collins)) : The last hill was. I nearly stopped.\n\n"
            "((TB)) : Will you run it again?\n\n"
            "((Sarah Collins)) : Next year, yes.\n")
    answers = turns(run(text))
    assert [r[2] for r in answers] == ["The last hill was. I nearly stopped.", "Next year, yes."]
    assert all(r[0] == "Sarah Collins" for r in answers)


def test_questions_whose_answers_were_lost_give_nothing(run):
    text = ("Our reporter Tom Bradley talked to the runner Sarah Collins after the race.\n\n"
            "((TB)) : Was the course hard?\n\n"
            "((TB)) : Will you run it again?\n")
    assert not turns(run(text))


def test_the_publication_after_questions_whose_answers_were_lost_is_no_answer(run):
    text = ("Wikinews asked the runner Sarah Collins about her season.\n\n"
            "Q: Was the course hard?\n\n"
            "Q: Will you run it again?\n\n"
            "On Sunday the federation named Tom Bradley its new coach for the relay team.\n\n"
            "Q: Is the new coach a good choice?\n\n"
            "Yes. I trained with him for years.\n\n"
            "Q: And the relay?\n\n"
            "We will be ready.\n")
    answers = turns(run(text))
    assert [r[2] for r in answers] == ["Yes. I trained with him for years.", "We will be ready."]
    assert all(r[3].source.name == "Sarah Collins" for r in answers)
