"""Made-up but realistic article text for the search benchmark (scripts/bench_search.py).

Words are drawn with a skewed (Zipf) choice, so that a few procedures, concerns and phrases are
common and most are rare, as in a real site's archive; the same seed gives the same posts.
"""

from __future__ import annotations

import random

PROCEDURES = {
    "Microneedling": ["collagen induction therapy", "CIT", "skin needling"],
    "PRP": ["platelet-rich plasma", "vampire facial", "PRP therapy"],
    "Chemical peel": ["skin peel", "chemexfoliation", "acid peel"],
    "Dermal fillers": ["hyaluronic acid fillers", "soft tissue fillers", "lip fillers"],
    "Laser resurfacing": ["fractional laser", "ablative laser", "CO2 laser"],
    "Anti-wrinkle injections": ["botulinum toxin", "Botox", "tox"],
    "IPL": ["intense pulsed light", "photofacial", "photorejuvenation"],
    "Dermaplaning": ["blade exfoliation", "facial planing"],
    "Microdermabrasion": ["crystal microdermabrasion", "diamond peel"],
    "Radiofrequency tightening": ["RF microneedling", "Morpheus8", "skin tightening"],
    "HydraFacial": ["hydradermabrasion", "aqua peel"],
    "Cryolipolysis": ["fat freezing", "CoolSculpting"],
    "Thread lift": ["PDO threads", "suture lift"],
    "Tattoo removal": ["Q-switched laser", "picosecond laser", "PicoSure"],
    "LED therapy": ["light therapy", "photobiomodulation"],
    "Sclerotherapy": ["spider vein treatment", "vein injections"],
}
CATEGORIES = [
    "Skin Treatments",
    "Acne & Scarring",
    "Anti-ageing",
    "Injectables",
    "Body Contouring",
    "Aftercare & Safety",
    "Costs & Clinics",
    "Pigmentation",
    "Lasers & Light",
    "Myths & Evidence",
]
CONCERNS = [
    "acne scars", "boxcar scars", "rolling scars", "ice-pick scars", "fine lines", "wrinkles",
    "crow's feet", "melasma", "hyperpigmentation", "age spots", "sun damage", "rosacea",
    "redness", "enlarged pores", "loose skin", "sagging jowls", "stretch marks",
    "uneven texture", "dull skin", "dark circles", "thin lips", "volume loss", "a double chin",
    "spider veins", "an unwanted tattoo", "frown lines", "surgical scars", "oily skin",
]  # fmt: skip
AREAS = [
    "face", "cheeks", "forehead", "neck", "décolletage", "hands", "under-eye area", "jawline",
    "lips", "abdomen", "thighs", "upper arms", "chin", "temples",
]  # fmt: skip
SKINS = [
    "fair skin", "olive skin", "darker skin tones", "sensitive skin", "oily skin", "dry skin",
    "mature skin", "acne-prone skin",
]  # fmt: skip
SIDE_EFFECTS = [
    "redness", "swelling", "bruising", "tenderness", "pinpoint bleeding", "flaking", "itching",
    "tightness", "mild burning", "temporary darkening",
]  # fmt: skip
RARE = ["infection", "scarring", "cold sore flare-ups", "lasting pigment change", "allergy"]
PEOPLE = ["dermatologist", "aesthetic nurse", "plastic surgeon", "GP", "skin therapist"]
TITLES = [
    "Does {proc} improve {concern}?",
    "{proc} for {concern}: what to expect",
    "{proc} vs {proc2} for {concern}",
    "How many {proc} sessions will I need for {concern}?",
    "{proc} on {skin}: risks and results",
    "Aftercare after {proc}: the first {n} days",
    "What does {proc} cost in {year}?",
    "Is {proc} safe for {skin}?",
    "Treating {concern} on the {area}: options compared",
    "{proc} myths, checked against the evidence",
    "Preparing for your first {proc} appointment",
    "Combining {proc} and {proc2}: when it makes sense",
]
SENTENCES = [
    "{proc} is often offered for {concern} on the {area}.",
    "Most people need {n} to {m} sessions, spaced about {w} weeks apart.",
    "Downtime after {proc} is usually {downtime}.",
    "A {person} may combine {proc} with {proc2} when {concern} is stubborn.",
    "People with {skin} should ask about the risk of post-inflammatory hyperpigmentation.",
    "A patch test shows how {skin} is likely to respond before a full treatment.",
    "Results build gradually as new collagen forms over the following {n} months.",
    "Daily broad-spectrum sunscreen of SPF {spf} or more protects the healing skin.",
    "Prices vary between clinics, typically £{a} to £{b} per session in {year}.",
    "Common side effects include {side}, {side2} and, less often, {rare}.",
    "Stop retinoids and exfoliating acids {n} days before the appointment.",
    "Small clinical studies suggest {proc} improves {concern} by a modest margin.",
    "The {person} will ask about medication, pregnancy and any history of {rare}.",
    "Numbing cream is applied for around {t} minutes before {proc} begins.",
    "Makeup can usually be worn again after {n} days, once {side} has settled.",
    "Expectations matter: {proc} softens {concern} rather than erasing it.",
    "Choose a clinic where a qualified {person} carries out or supervises {proc}.",
    "Home devices for {concern} are gentler and slower than clinic {proc}.",
    "Photographs taken before each session make progress on the {area} easier to judge.",
    "If {side} lasts longer than a week, contact the clinic that treated you.",
    "Hydrating serums and a bland moisturiser help the skin barrier recover.",
    "Smoking and heavy sun exposure slow healing and blunt the results of {proc}.",
    "Maintenance sessions every {n} to {m} months keep the improvement going.",
    "{proc2} can be an alternative when {proc} is not suitable for {skin}.",
]
HEADINGS = [
    "How {proc} works", "Who is a good candidate?", "What the evidence says",
    "Risks and side effects", "Recovery and aftercare", "Cost", "Results over time",
    "Questions to ask your clinic", "Alternatives to {proc}",
]  # fmt: skip
DOWNTIMES = ["none at all", "a day or two of redness", "about 48 hours of mild swelling",
             "up to a week of peeling", "one to two weeks"]  # fmt: skip


def pick(rng: random.Random, items: list[str]) -> str:
    """Skewed choice (Zipf): a few items are common, most are rare, as in real writing."""
    return rng.choices(items, weights=[1 / rank for rank in range(1, len(items) + 1)])[0]


def fill(rng: random.Random, template: str, proc: str, concern: str) -> str:
    others = [name for name in PROCEDURES if name != proc]
    n = rng.randint(1, 6)
    return template.format(
        proc=proc,
        proc2=rng.choice(others),
        concern=concern if rng.random() < 0.6 else pick(rng, CONCERNS),
        area=pick(rng, AREAS),
        skin=pick(rng, SKINS),
        person=rng.choice(PEOPLE),
        downtime=rng.choice(DOWNTIMES),
        side=rng.choice(SIDE_EFFECTS),
        side2=rng.choice(SIDE_EFFECTS),
        rare=rng.choice(RARE),
        n=n,
        m=n + rng.randint(1, 4),
        w=rng.choice([2, 3, 4, 6]),
        t=rng.choice([20, 30, 45]),
        spf=rng.choice([30, 50]),
        a=rng.choice([90, 150, 200, 250]),
        b=rng.choice([300, 450, 600, 900]),
        year=rng.choice([2023, 2024, 2025, 2026]),
    )


def make_post_text(rng: random.Random, proc: str) -> tuple[str, str, str]:
    concern = pick(rng, CONCERNS)
    title = fill(rng, rng.choice(TITLES), proc, concern)
    title = title[0].upper() + title[1:]
    excerpt = " ".join(fill(rng, rng.choice(SENTENCES), proc, concern) for _ in range(2))
    parts = []
    for _section in range(rng.randint(3, 6)):
        parts.append(f"<h2>{fill(rng, rng.choice(HEADINGS), proc, concern)}</h2>")
        for _paragraph in range(rng.randint(1, 3)):
            sentences = (
                fill(rng, rng.choice(SENTENCES), proc, concern) for _ in range(rng.randint(2, 5))
            )
            parts.append(f"<p>{' '.join(sentences)}</p>")
    return title, excerpt, "\n".join(parts)
