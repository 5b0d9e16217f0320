"""The practice texts, reviewed for readers in a hurtful or controlling relationship.

Nothing asks a reader to put up with harm any more: "put your partner first" and "accept
influence from your partner" become mutual, steps that could be read as "accept more"
are qualified ("when you feel safe with them") or replaced, and the five practices and
the practice's voice stay. Only a text still exactly as shipped is updated: a text the
therapist has edited in the admin is hers, and is left alone (both ways).
"""

from __future__ import annotations

from django.db import migrations

# slug -> (shipped text, reviewed text)
PRACTICES = {
    "emotional-responsiveness": (
        "Just as a child needs a responsive caregiver to develop a secure attachment, adults need responsive "
        "partners to feel emotionally secure. Be attuned to your partner's emotional cues and respond in a "
        "caring and supportive way. Offer comfort and validation when they are upset, and celebrate their "
        "successes and joys.",
        "Just as a child needs a responsive caregiver to develop a secure attachment, adults feel more secure "
        "with people who respond to them, and whom they can respond to in turn. With someone you feel safe "
        "with, notice their emotional cues and respond with care: offer comfort when they are upset, and "
        "celebrate their successes and joys. Responsiveness goes both ways: your feelings deserve the same "
        "care.",
    ),
    "consistency": (
        "When partners can rely on each other to be there consistently, they feel safer and more secure in "
        "the relationship. Be present for your partner, and be willing to put your partner first.",
        "When people can rely on each other to be there consistently, they feel safer and more secure "
        "together. Be present for the people you are close to, and look for that reliability to go both "
        "ways: each of you makes room for the other's needs, and neither is always the one who gives way.",
    ),
    "trust": (
        "When partners feel that they can trust each other, they are more likely to feel secure and "
        "comfortable in the relationship. Be willing to share without being asked, be responsive to your "
        "partner's needs, and be ready to accept influence from your partner.",
        "When people can trust each other, they are more likely to feel secure and comfortable together. "
        "Trust grows in small steps and is earned on both sides. When you feel safe with someone, you might "
        "share a little without being asked, respond to their needs, and let each of your views shape the "
        "decisions you make together. Trust is not owed to someone who hurts or frightens you.",
    ),
    "communication": (
        "Be open and honest with your partner about your feelings, needs and expectations. Listen actively "
        "to their concerns and validate their emotions. Avoid criticism, contempt and defensiveness in your "
        "conversations, as these can wear down trust and create distance.",
        "Where it feels safe to do so, be open and honest about your feelings, needs and expectations, and "
        "listen to the other person's concerns in turn. Criticism, contempt and defensiveness wear down "
        "trust and create distance, from either side. If speaking openly would put you at risk, that is not "
        "a communication problem for you to fix alone: your safety comes first.",
    ),
    "empathy": (
        "Empathy is the ability to understand and share the feelings of another person. When partners "
        "empathise with each other, they are more likely to feel connected and supported. Listen actively "
        "and try to see things from your partner's point of view.",
        "Empathy is the ability to understand and share the feelings of another person. When people "
        "empathise with each other, they are more likely to feel connected and supported. Try to see things "
        "from the other person's point of view, and expect the same understanding for yours. Understanding "
        "why someone acts as they do never means you have to accept being treated badly.",
    ),
}

# (style, practice) -> (shipped steps, reviewed steps), one step per line.
STEPS = {
    ("secure", "empathy"): (
        [
            "When your partner reacts more strongly than you would, ask what it is like for them before you explain your view.",
            "Remember that what feels easy for you may feel risky for someone else.",
        ],
        [
            "When someone you feel safe with reacts more strongly than you would, ask what it is like for them before you explain your view.",
            "Remember that what feels easy for you may feel risky for someone else.",
        ],
    ),
    ("secure", "trust"): (
        [
            "Share something small you have not mentioned before, without waiting to be asked.",
            "When your partner suggests a different way of doing something, try it once.",
        ],
        [
            "Share something small you have not mentioned before, without waiting to be asked.",
            "When someone you feel safe with suggests a different way of doing something, try it once, and notice whether your own suggestions meet the same openness.",
        ],
    ),
    ("anxious-preoccupied", "trust"): (
        [
            "When worry rises, pause and write down what you know for sure and what you are guessing.",
            "Before asking for reassurance, try one calming thing on your own first, such as a slow walk or a few long breaths; then decide whether you still want to ask.",
            "When reassurance comes, try to let it land: say thank you, and notice how it feels.",
        ],
        [
            "When worry rises, pause and write down what you know for sure and what you are guessing. Worry can be a fair signal too: if what you know for sure is worrying, take it seriously.",
            "Before asking for reassurance, try one calming thing on your own first, such as a slow walk or a few long breaths; then decide whether you still want to ask.",
            "When reassurance comes, try to let it land: say thank you, and notice how it feels.",
        ],
    ),
    ("anxious-preoccupied", "empathy"): (
        [
            "When your partner needs time alone, try seeing it as their way of recharging, not a sign about you.",
            "Ask them what helps them feel close; it may be different from what helps you.",
        ],
        [
            "When someone you feel safe with needs time alone, it may be their way of recharging rather than a sign about you. If their distance often comes as punishment or silence, that is not yours to explain away.",
            "Ask them what helps them feel close, and tell them what helps you; the two may differ.",
        ],
    ),
    ("dismissive-avoidant", "emotional-responsiveness"): (
        [
            "When someone close to you is upset, try staying with them for a few minutes before offering a solution.",
            "Notice one feeling of your own each day and name it, even just to yourself.",
        ],
        [
            "When someone you feel safe with is upset, try staying with them for a few minutes before offering a solution.",
            "Notice one feeling of your own each day and name it, even just to yourself.",
        ],
    ),
    ("dismissive-avoidant", "empathy"): (
        [
            "When your partner asks for closeness, try to hear it as a wish to be near you rather than as pressure.",
            "Ask one question about how something felt for them, and listen to the answer without fixing it.",
        ],
        [
            "When someone you feel safe with asks for closeness, try to hear it as a wish to be near you. If closeness is demanded, or pressed on you after you have said no, that is pressure, and your no still stands.",
            "Ask one question about how something felt for them, and listen to the answer without fixing it.",
        ],
    ),
    ("dismissive-avoidant", "trust"): (
        [
            "Let someone help you with one small thing this week, and let yourself accept it.",
            "When your partner's view differs from yours, consider it for a day before deciding.",
        ],
        [
            "Let someone you trust help you with one small thing this week, and let yourself accept it.",
            "When the view of someone you trust differs from yours, consider it for a day before deciding; the decision is still yours.",
        ],
    ),
    ("dismissive-avoidant", "consistency"): (
        [
            "Keep regular, small moments of contact, like a check-in message, even on busy days.",
            "Follow through on plans you have made together, especially the ones that involve closeness.",
        ],
        [
            "Keep regular, small moments of contact, like a check-in message, even on busy days.",
            "Follow through on plans you have made together and still want, especially the ones that involve closeness.",
        ],
    ),
    ("fearful-avoidant", "trust"): (
        [
            "Start small: share one thing at a time, and notice how the other person responds before sharing more.",
            "Keep a short note of times someone close to you was reliable; reread it when fear rises.",
        ],
        [
            "Start small: share one thing at a time, and notice how the other person responds before sharing more.",
            "Keep a short note of times someone close to you was reliable. When fear rises, reread it and ask yourself gently whether the fear is about the past or about what is happening now; fear about now deserves to be taken seriously.",
        ],
    ),
    ("fearful-avoidant", "empathy"): (
        [
            "Remember that your partner's needs and your fears can both be real at the same time.",
            "When you are calm, ask them what helps them feel safe with you, and share what helps you.",
        ],
        [
            "Remember that the other person's needs and your fears can both be real at the same time, and both deserve care.",
            "When you are calm and feel safe with them, ask what helps them feel safe with you, and share what helps you.",
        ],
    ),
}


def _update(apps, *, forwards: bool) -> None:
    Practice = apps.get_model("quiz", "Practice")
    StyleGuidance = apps.get_model("quiz", "StyleGuidance")
    for slug, (shipped, reviewed) in PRACTICES.items():
        old, new = (shipped, reviewed) if forwards else (reviewed, shipped)
        # Exact comparison: any edit of hers, even a comma, keeps her text.
        Practice.objects.filter(slug=slug, text=old).update(text=new)
    for (style, practice), (shipped, reviewed) in STEPS.items():
        old, new = (shipped, reviewed) if forwards else (reviewed, shipped)
        StyleGuidance.objects.filter(
            style__slug=style, practice__slug=practice, steps="\n".join(old)
        ).update(steps="\n".join(new))


def forwards(apps, schema_editor):
    _update(apps, forwards=True)


def backwards(apps, schema_editor):
    _update(apps, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("quiz", "0004_questionnaire_permission")]

    operations = [migrations.RunPython(forwards, backwards)]
