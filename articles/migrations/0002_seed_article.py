"""The practice's first article, from its old site, so every fresh database has it.

Converted to Markdown by hand: every heading, list and paragraph is the author's, with
"John bowlby" capitalised and a missing space restored. Left out: the old site's page
chrome (the "Previous/Next" labels and the FAQ block, which lives at /faq/).
Runs once per database; what the therapist edits later is never touched again.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.db import migrations

from core.markdown import render_markdown

SLUG = "how-to-create-secure-attachment-in-relationships"

TAGS = [
    ("Attachment", "attachment"),
    ("Relationships", "relationships"),
    ("Couples", "couples"),
    ("Secure", "secure"),
    ("Anxious-preoccupied", "anxious-preoccupied"),
    ("Dismissive-avoidant", "dismissive-avoidant"),
    ("Fearful-avoidant", "fearful-avoidant"),
]

SUMMARY = (
    "According to attachment theory, a secure attachment is formed when a child has a "
    "reliable and responsive caregiver."
)

BODY = """\
As humans, we are wired for connection and social interaction. From the time, we were born, we seek out the safety and security of attachment figures. Relationship can take many forms, from friendships to romantic partnerships, but all require a strong foundation of trust and attachment to thrive. This blog post will explore how to create secure attachment in relationships and the benefits it can bring to our lives.

Attachment theory was developed by John Bowlby and Mary Ainsworth to explain how the quality of attachment we experience in our early years can have profound impact on our ability to form healthy and secure relationships later in life. By developing a secure attachment, couples can build a foundation of trust and intimacy that will allow them to weather any challenges that come their way.

According to attachment theory, a secure attachment is formed when a child has a reliable and responsive caregiver. This attachment style is characterized by trust, emotional availability, and comfort with closeness. In adulthood, this attachment style translates to a sense of security in relationships, the ability to communicate effectively, and a willingness to rely on others for emotional support. In short, in secure attachment, a child has to feel safe, seen, secure, and soothed by their caregiver.

## What are the attachment styles?

There are four main attachment styles: secure, anxious-preoccupied, dismissive-avoidant, and fearful-avoidant.

### 1. Secure attachment

Secure attachment is the healthiest and most adaptive style. People with a secure attachment style have positive beliefs about themselves and others, and trust that their needs will be met. They feel comfortable with emotional intimacy and express their feelings openly.

### 2. Anxious-preoccupied attachment

Anxious-preoccupied attachment is characterized by a fear of abandonment and a need for constant reassurance. People with this style may cling to partners, feel jealous or possessive, and have difficulty regulating their emotions.

### 3. Dismissive-avoidant attachment

Dismissive-avoidant attachment is marked by a lack of emotional connection and a tendency to distance oneself from others. People with this style may avoid intimacy, minimize the importance of relationships, and emphasize independence.

### 4. Fearful-avoidant

Fearful-avoidant attachment is a combination of anxious and dismissive styles. People with this style may crave closeness but also fear rejection, leading to conflicting emotions and behaviors. They have a mixed response of fear and avoidance towards relationships.

## How to create secure attachment styles in relationships.

Couples who are securely attached tend to have better communication, more satisfaction, and less conflict in their relationships. They also report higher levels of trust and intimacy, and they are more likely to have a successful long-term relationship. They have higher levels of self-esteem, are better able to regulate their emotions, and have more satisfying relationships than those with an insecure attachment style. They are also more likely to have better mental health outcomes, including lower levels of anxiety and depression.

But how can we develop a secure attachment style in our relationships? Here are some tips:

1. **Emotional Responsiveness:** Just as a child needs a responsive caregiver to develop a secure attachment, adults need responsive partners to feel emotionally secure. Be attuned to your partner's emotional cues and respond in a caring and supportive way. Offer comfort and validation when they are upset, and celebrate their successes and joys.

2. **Consistency:** When partners can rely on each other to be there consistently, they feel safer and more secure in the relationship. Be present for your partner and be willing to put your partner first.

3. **Trust:** When partners feel that they can trust each other, they are more likely to feel secure and comfortable in the relationship. Be willing to share without asking, be responsive to your partner’s needs, and be ready to accept influence from your partner.

4. **Communication:** Be open and honest with your partner about your feelings, needs, and expectations. Listen actively to their concerns and validate their emotions. Avoid using criticism, contempt, or defensiveness in your conversations, as these behaviors can erode trust and create distance.

5. **Empathy:** Empathy is the ability to understand and share the feelings of another person. When partners are able to empathize with each other, they are more likely to feel connected and supported in the relationship. Understanding and empathizing with your partner's feelings and perspective can help build a secure attachment. Listen actively and try to see things from their point of view.

Developing a secure attachment in relationships is not always easy. It requires effort, commitment, and a willingness to be vulnerable with your partner. It also requires a willingness to acknowledge and address any underlying issues or insecurities that may be getting in the way of creating a secure attachment. Understanding our attachment styles and how they influence our relationships can help us break free from negative patterns and create positive and lasting connections.

The good news is that attachment styles are not fixed and can change over time, especially with therapy and personal growth. Understanding your own attachment style and that of others can help improve communication and build healthier relationships.

---

*Shikha is a therapist/owner of The Therapeutic Way, Counselling and Psychotherapy Services. She is a relationship and relational trauma therapist who works with individuals, couples, and families who have been on the receiving end of narcissistic abuse, gone through trauma, experiencing relationship issues, and experienced attachment wounds as a child or adult. She uses a trauma-informed and holistic approaches to help her clients.*

**Thinking of Therapy?** [Schedule your free 20 mins consultation call](/book/) to see how we can help.

For more information reach us at [info@thetherapeuticway.ca](mailto:info@thetherapeuticway.ca) or call/text [(289) 635-4660](tel:+12896354660).

Therapy services: Online Anywhere in Ontario; Hamilton, ON; Burlington, ON, Oakville, ON; Mississauga, ON; Milton, ON.
"""

PUBLISHED = datetime.datetime(
    2023, 6, 1, 9, 0, tzinfo=zoneinfo.ZoneInfo("America/Toronto")
)


def load_article(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Tag = apps.get_model("articles", "Tag")
    Therapist = apps.get_model("attachment", "Therapist")
    if Article.objects.filter(slug=SLUG).exists():
        return
    tags = [
        Tag.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for name, slug in TAGS
    ]
    article = Article.objects.create(
        title="How to create secure attachment in relationships?",
        slug=SLUG,
        author=Therapist.objects.get(slug="shikha"),
        summary=SUMMARY,
        body=BODY,
        body_html=render_markdown(BODY),
        publish_at=PUBLISHED,
    )
    article.tags.set(tags)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("attachment", "0002_practice_content"),
    ]

    operations = [migrations.RunPython(load_article, migrations.RunPython.noop)]
