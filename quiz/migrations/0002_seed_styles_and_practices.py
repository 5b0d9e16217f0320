"""The four styles, the five practices and the per-style guidance, as the therapist starts.

The style descriptions and practice texts are drawn from the practice's article "How to
create secure attachment in relationships"; the per-style steps are written to be modest
and concrete. Idempotent: rows that exist (perhaps edited in the admin) are left alone.
"""

from __future__ import annotations

from django.db import migrations

STYLES = [
    (
        "secure",
        "Secure",
        "You seem mostly comfortable with closeness, and mostly trust that the people you love will be there.",
        "People with a secure attachment style tend to hold positive beliefs about themselves and others, "
        "and trust that their needs can be met. They usually feel comfortable with emotional intimacy and "
        "express their feelings openly.\n\n"
        "Secure does not mean without difficulties: it means that, more often than not, closeness feels "
        "safe enough to lean on others and to let them lean on you.",
    ),
    (
        "anxious-preoccupied",
        "Anxious-preoccupied",
        "You may often worry about being left or loved less, and look for reassurance that you matter.",
        "Anxious-preoccupied attachment is marked by a fear of abandonment and a need for reassurance. "
        "People with this style may hold on tightly to partners, feel jealous or possessive at times, and "
        "find it hard to settle strong feelings.\n\n"
        "These are understandable ways of trying to stay close to someone who matters. Noticing them is "
        "a first step toward feeling steadier.",
    ),
    (
        "dismissive-avoidant",
        "Dismissive-avoidant",
        "You may value your independence highly, and keep some distance when others get close.",
        "Dismissive-avoidant attachment is marked by keeping emotional distance from others. People with "
        "this style may avoid intimacy, play down how much relationships matter, and put weight on "
        "independence.\n\n"
        "Self-reliance can be a real strength. It often grew for good reasons, and closeness can be "
        "practised at a pace that feels manageable.",
    ),
    (
        "fearful-avoidant",
        "Fearful-avoidant",
        "You may long for closeness and fear it at the same time.",
        "Fearful-avoidant attachment combines anxious and avoidant patterns. People with this style may "
        "crave closeness but also fear rejection, which can lead to mixed feelings and behaviour: moving "
        "toward others and then pulling away.\n\n"
        "This push and pull can be tiring and confusing. It often makes sense in the light of past "
        "experiences, and it can soften with time, safety and support.",
    ),
]

PRACTICES = [
    (
        "emotional-responsiveness",
        "Emotional responsiveness",
        "Just as a child needs a responsive caregiver to develop a secure attachment, adults need responsive "
        "partners to feel emotionally secure. Be attuned to your partner's emotional cues and respond in a "
        "caring and supportive way. Offer comfort and validation when they are upset, and celebrate their "
        "successes and joys.",
    ),
    (
        "consistency",
        "Consistency",
        "When partners can rely on each other to be there consistently, they feel safer and more secure in "
        "the relationship. Be present for your partner, and be willing to put your partner first.",
    ),
    (
        "trust",
        "Trust",
        "When partners feel that they can trust each other, they are more likely to feel secure and "
        "comfortable in the relationship. Be willing to share without being asked, be responsive to your "
        "partner's needs, and be ready to accept influence from your partner.",
    ),
    (
        "communication",
        "Communication",
        "Be open and honest with your partner about your feelings, needs and expectations. Listen actively "
        "to their concerns and validate their emotions. Avoid criticism, contempt and defensiveness in your "
        "conversations, as these can wear down trust and create distance.",
    ),
    (
        "empathy",
        "Empathy",
        "Empathy is the ability to understand and share the feelings of another person. When partners "
        "empathise with each other, they are more likely to feel connected and supported. Listen actively "
        "and try to see things from your partner's point of view.",
    ),
]

# style -> [(practice, steps)] in the order shown for that style.
GUIDANCE = {
    "secure": [
        (
            "emotional-responsiveness",
            [
                "When someone close to you seems low, ask once, gently, how they are, and give them time to answer.",
                "Notice one good thing in their day and say so.",
            ],
        ),
        (
            "communication",
            [
                "Keep a regular, unhurried time to talk about how things are between you, not only about logistics.",
                "When you disagree, say what you feel and need in one or two sentences, then listen.",
            ],
        ),
        (
            "empathy",
            [
                "When your partner reacts more strongly than you would, ask what it is like for them before you explain your view.",
                "Remember that what feels easy for you may feel risky for someone else.",
            ],
        ),
        (
            "consistency",
            [
                "Keep small promises, like calling back when you said you would.",
                "If plans change, let the other person know early and say when you will be in touch.",
            ],
        ),
        (
            "trust",
            [
                "Share something small you have not mentioned before, without waiting to be asked.",
                "When your partner suggests a different way of doing something, try it once.",
            ],
        ),
    ],
    "anxious-preoccupied": [
        (
            "trust",
            [
                "When worry rises, pause and write down what you know for sure and what you are guessing.",
                "Before asking for reassurance, try one calming thing on your own first, such as a slow walk or a few long breaths; then decide whether you still want to ask.",
                "When reassurance comes, try to let it land: say thank you, and notice how it feels.",
            ],
        ),
        (
            "communication",
            [
                'Ask for what you need directly and kindly, for example: "Could you text me when you get there?"',
                'Try saying how you feel ("I felt worried when I didn\'t hear from you") rather than what the other person did wrong.',
            ],
        ),
        (
            "consistency",
            [
                "Agree together on simple routines, such as a goodnight message or a weekly plan, so you know what to expect.",
                "Keep up your own routines, friendships and interests too, so that one relationship is not carrying everything.",
            ],
        ),
        (
            "emotional-responsiveness",
            [
                "Notice your own feelings as they come, and name them to yourself with care, as you would for a friend.",
                "When your partner shares something, listen to the end before checking what it means about you.",
            ],
        ),
        (
            "empathy",
            [
                "When your partner needs time alone, try seeing it as their way of recharging, not a sign about you.",
                "Ask them what helps them feel close; it may be different from what helps you.",
            ],
        ),
    ],
    "dismissive-avoidant": [
        (
            "emotional-responsiveness",
            [
                "When someone close to you is upset, try staying with them for a few minutes before offering a solution.",
                "Notice one feeling of your own each day and name it, even just to yourself.",
            ],
        ),
        (
            "communication",
            [
                'When you need space, say so and say when you will be back, for example: "I need an hour to myself, then let\'s talk."',
                "Share one small thing about your day or your feelings that you would usually keep to yourself.",
            ],
        ),
        (
            "empathy",
            [
                "When your partner asks for closeness, try to hear it as a wish to be near you rather than as pressure.",
                "Ask one question about how something felt for them, and listen to the answer without fixing it.",
            ],
        ),
        (
            "trust",
            [
                "Let someone help you with one small thing this week, and let yourself accept it.",
                "When your partner's view differs from yours, consider it for a day before deciding.",
            ],
        ),
        (
            "consistency",
            [
                "Keep regular, small moments of contact, like a check-in message, even on busy days.",
                "Follow through on plans you have made together, especially the ones that involve closeness.",
            ],
        ),
    ],
    "fearful-avoidant": [
        (
            "trust",
            [
                "Start small: share one thing at a time, and notice how the other person responds before sharing more.",
                "Keep a short note of times someone close to you was reliable; reread it when fear rises.",
            ],
        ),
        (
            "communication",
            [
                'When you feel the urge to pull away, try naming it instead: "I\'m feeling overwhelmed and need a little time."',
                "Agree on a simple way to pause a hard conversation and come back to it later.",
            ],
        ),
        (
            "consistency",
            [
                "Build steady routines that feel safe to you, such as a regular time to talk or to be together.",
                "Be patient with yourself when you move toward and then away from closeness; returning is part of the practice.",
            ],
        ),
        (
            "emotional-responsiveness",
            [
                "Notice what your body feels when closeness rises (tight chest, urge to leave) and take a few slow breaths before you respond.",
                "Offer yourself the comfort you would offer a friend who felt torn.",
            ],
        ),
        (
            "empathy",
            [
                "Remember that your partner's needs and your fears can both be real at the same time.",
                "When you are calm, ask them what helps them feel safe with you, and share what helps you.",
            ],
        ),
    ],
}


def seed(apps, schema_editor):
    Style = apps.get_model("quiz", "Style")
    Practice = apps.get_model("quiz", "Practice")
    StyleGuidance = apps.get_model("quiz", "StyleGuidance")
    for slug, name, summary, description in STYLES:
        Style.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "summary": summary, "description": description},
        )
    for slug, name, text in PRACTICES:
        Practice.objects.get_or_create(slug=slug, defaults={"name": name, "text": text})
    for style_slug, entries in GUIDANCE.items():
        style = Style.objects.get(slug=style_slug)
        for order, (practice_slug, steps) in enumerate(entries, start=1):
            StyleGuidance.objects.get_or_create(
                style=style,
                practice=Practice.objects.get(slug=practice_slug),
                defaults={"order": order, "steps": "\n".join(steps)},
            )


class Migration(migrations.Migration):
    dependencies = [("quiz", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
