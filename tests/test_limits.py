"""The concurrency limit is what the server sees: requests in flight, counted at the
mock server, with the real LLM engine under the real runner."""

from llm_support import engine
from mock_openai import MockOpenAI, Reply

from extractor.models import RawInput
from extractor.batch.runner import RunOptions, run_batch

from batch_support import article_text


def corpus(n: int):
    return (RawInput(input_id=f"d{i}.txt", source_file=f"d{i}.txt", text=article_text(i)) for i in range(n))


def test_requests_in_flight_never_exceed_concurrency_and_reach_it(tmp_path):
    with MockOpenAI(latency=0.15) as mock:
        summary = run_batch(corpus(24), engine(mock), str(tmp_path / "s.db"), "c", RunOptions(concurrency=4))
        assert summary.documents == 24 and summary.failed == 0
        assert mock.max_in_flight == 4  # twice as many documents are admitted; requests stay at 4


def test_a_document_in_backoff_does_not_hold_a_slot(tmp_path):
    # Concurrency 1: the first request gets a 429 with a 1 s Retry-After. While that
    # document waits, the other documents' requests go through the one slot.
    with MockOpenAI(latency=0.05) as mock:
        mock.script(Reply.rate_limit(retry_after=1.0))
        out = []
        summary = run_batch(corpus(6), engine(mock, retry_after_max=2.0), str(tmp_path / "s.db"), "b",
                            RunOptions(concurrency=1), emit=out.append)
        assert summary.failed == 0 and mock.max_in_flight == 1
        statuses = [status for _, status, _ in mock.replies]
        assert statuses[0] == 429 and statuses[-1] == 200
        # the retried request is not the second one: others were served during the backoff
        retried = mock.requests.index(mock.requests[0], 1)
        assert retried > 1


def test_tpm_estimate_counts_the_prompt_not_only_the_article(tmp_path):
    # What --tpm takes per document must cover what the server counts: the system prompt
    # with its few-shot examples is most of a short article's request.
    from extractor.batch.limits import document_tokens

    text = article_text(1)
    with MockOpenAI() as mock:
        eng = engine(mock)
        summary = run_batch(corpus(1), eng, str(tmp_path / "s.db"), "t", RunOptions(concurrency=1, tpm=10**6))
        used = mock.usage_total()
    total = used["prompt_tokens"] + used["completion_tokens"]
    assert summary.documents == 1 and used["prompt_tokens"] > 2 * (len(text) // 4)  # the prompt dwarfs the article
    assert total <= document_tokens(eng, len(text)) <= 2 * total + 1000
    # a long article is several requests, each with its prompt
    per_request = document_tokens(eng, 0) - 1
    assert document_tokens(eng, 40 * eng.chunk_budget() * 4) >= 40 * eng.chunk_budget() + 40 * per_request
    assert document_tokens(object(), 4000) == 2000  # an engine without an estimate: the article and an answer
