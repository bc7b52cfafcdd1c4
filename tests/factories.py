import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from annotations.articles.models import Article, Span
from annotations.articles.text import anchor_at
from annotations.claims.models import Claim
from annotations.review.models import Rating, Verdict, VerdictState
from annotations.workspaces.models import Membership, Role, Workspace


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw")


class WorkspaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workspace
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"desk-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.title())


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    workspace = factory.SubFactory(WorkspaceFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.ANNOTATOR


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    workspace = factory.SubFactory(WorkspaceFactory)
    created_by = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    url = factory.Sequence(lambda n: f"https://news.example/{n}")
    publisher = "Example News"
    language = "en"
    body = "The minister said unemployment fell to 3% in May. Critics disagree."


class SpanFactory(factory.django.DjangoModelFactory):
    """A span over ``body[start:end]`` of its article (by default its first word)."""

    class Meta:
        model = Span
        exclude = ["anchor"]

    article = factory.SubFactory(ArticleFactory)
    created_by = factory.SelfAttribute("article.created_by")
    start = 0
    end = 3
    anchor = factory.LazyAttribute(lambda o: anchor_at(o.article.body, o.start, o.end))
    quote = factory.LazyAttribute(lambda o: o.anchor.quote)
    prefix = factory.LazyAttribute(lambda o: o.anchor.prefix)
    suffix = factory.LazyAttribute(lambda o: o.anchor.suffix)
    start_utf16 = factory.LazyAttribute(lambda o: o.anchor.start_utf16)
    end_utf16 = factory.LazyAttribute(lambda o: o.anchor.end_utf16)
    revision = factory.SelfAttribute("article.revision")


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim
        skip_postgeneration_save = True

    workspace = factory.SubFactory(WorkspaceFactory)
    created_by = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Unemployment fell to {n}% in May.")
    claimant = "The minister"

    @factory.post_generation
    def spans(self, create: bool, extracted: list[Span] | None, **kwargs: object) -> None:
        if create and extracted:
            self.spans.add(*extracted)


class VerdictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verdict

    claim = factory.SubFactory(ClaimFactory)
    reviewer = factory.SubFactory(UserFactory)
    rating = factory.LazyFunction(lambda: Rating.objects.get(slug="false"))
    explanation = "Official statistics show 4.1%."
    sources = factory.LazyFunction(
        lambda: [{"url": "https://stats.example/may", "title": "May figures"}]
    )

    class Params:
        submitted = factory.Trait(
            state=VerdictState.SUBMITTED, submitted_at=factory.LazyFunction(timezone.now)
        )
        published = factory.Trait(
            state=VerdictState.PUBLISHED,
            submitted_at=factory.LazyFunction(timezone.now),
            published_at=factory.LazyFunction(timezone.now),
        )
        superseded = factory.Trait(
            state=VerdictState.SUPERSEDED,
            submitted_at=factory.LazyFunction(timezone.now),
            published_at=factory.LazyFunction(timezone.now),
        )
