"""Original demo content for CosMedicList.

Pure data: no Django imports and no logic beyond joining strings.
Every sentence here was written fresh for this project. Reviewer and
author names are fictional and exist only for demonstration.
"""


def _join(*parts):
    """Join HTML fragments into one string."""
    return "".join(parts)


# ---------------------------------------------------------------------------
# Taxonomy
# ---------------------------------------------------------------------------

CATEGORIES = [
    {
        "name": "Skin Treatments",
        "slug": "skin-treatments",
        "description": "Guides to procedures that work on the surface and structure of the skin.",
        "parent": None,
    },
    {
        "name": "Acne & Scarring",
        "slug": "acne-scarring",
        "description": "How acne marks and scars form, and the options clinicians may discuss.",
        "parent": "skin-treatments",
    },
    {
        "name": "Anti-Ageing",
        "slug": "anti-ageing",
        "description": "Balanced explainers on treatments for lines, laxity and sun-related changes.",
        "parent": "skin-treatments",
    },
    {
        "name": "Injectables",
        "slug": "injectables",
        "description": "Fillers, anti-wrinkle injections and other treatments given by needle.",
        "parent": None,
    },
    {
        "name": "Procedures Explained",
        "slug": "procedures-explained",
        "description": "Step-by-step descriptions of what happens before, during and after a procedure.",
        "parent": None,
    },
    {
        "name": "Aftercare & Safety",
        "slug": "aftercare-safety",
        "description": "Recovery, warning signs and how to choose a safe, qualified practitioner.",
        "parent": None,
    },
    {
        "name": "Hair",
        "slug": "hair",
        "description": "Explainers on treatments offered for thinning hair, including PRP.",
        "parent": None,
    },
]

TAGS = [
    {"name": "acne scars", "slug": "acne-scars"},
    {"name": "collagen", "slug": "collagen"},
    {"name": "PRP", "slug": "prp"},
    {"name": "downtime", "slug": "downtime"},
    {"name": "skin of colour", "slug": "skin-of-colour"},
    {"name": "sensitive skin", "slug": "sensitive-skin"},
    {"name": "aftercare", "slug": "aftercare"},
    {"name": "sun protection", "slug": "sun-protection"},
    {"name": "hair loss", "slug": "hair-loss"},
    {"name": "wrinkles", "slug": "wrinkles"},
    {"name": "choosing a practitioner", "slug": "choosing-a-practitioner"},
    {"name": "side effects", "slug": "side-effects"},
]

REVIEWERS = [
    {
        "name": "Dr. Amara Okafor",
        "slug": "dr-amara-okafor",
        "credentials": "MBBS, MRCP (Dermatology)",
        "bio": (
            "Dr. Amara Okafor is a fictional consultant dermatologist created for "
            "this demonstration site. In her imagined practice she focuses on acne, "
            "scarring and treating skin of colour, and she reviews our articles for "
            "accuracy and balance."
        ),
    },
    {
        "name": "Dr. Tomasz Lindqvist",
        "slug": "dr-tomasz-lindqvist",
        "credentials": "MBChB, MSc (Aesthetic Medicine)",
        "bio": (
            "Dr. Tomasz Lindqvist is a fictional aesthetic physician invented for "
            "demonstration purposes. His profile describes an interest in injectable "
            "treatments, complication management and patient safety."
        ),
    },
]

AUTHOR = {
    "username": "editor",
    "first_name": "Ellis",
    "last_name": "Marlowe",
    "email": "editor@example.com",
    "job_title": "Health editor",
    "bio": (
        "Ellis Marlowe edits CosMedicList. Ellis writes plain-English guides to "
        "cosmetic procedures and works with clinical reviewers to keep them accurate. "
        "(A fictional profile used for demo content.)"
    ),
}


# ---------------------------------------------------------------------------
# Procedures
# ---------------------------------------------------------------------------

PROCEDURES = [
    {
        "name": "Microneedling",
        "slug": "microneedling",
        "aliases": ["collagen induction therapy", "CIT", "skin needling"],
        "summary": (
            "A clinic treatment that uses a device fitted with very fine needles to "
            "make controlled micro-injuries, prompting the skin's own repair and "
            "collagen production."
        ),
        "body": _join(
            "<p>Microneedling, also called collagen induction therapy (CIT), treats "
            "the skin with a pen or roller carrying many very fine needles. The "
            "needles make a dense grid of tiny punctures. Nothing is cut away; the "
            "goal is to trigger the skin's normal healing response, which includes "
            "laying down fresh collagen.</p>",
            "<h2>What it is used for</h2>",
            "<p>Clinicians offer it for a range of concerns, including:</p>",
            "<ul>",
            "<li>depressed acne scars, especially the rolling and boxcar types</li>",
            "<li>fine lines and wrinkles</li>",
            "<li>skin that has lost some firmness</li>",
            "<li>age spots and uneven tone</li>",
            "<li>a dull or tired-looking complexion</li>",
            "</ul>",
            "<h2>What to expect</h2>",
            "<p>Treatment takes place in an outpatient clinic. After cleansing, an "
            "anaesthetic cream is usually applied to improve comfort. A typical session "
            "lasts around 30 minutes, though a larger area takes longer. Most people "
            "go back to normal activities straight away; redness and mild swelling are "
            "common and the swelling generally eases within about two days.</p>",
            "<h3>A course of treatment</h3>",
            "<p>Collagen builds gradually, so a course of four to six sessions, spaced "
            "roughly four weeks apart, is common. Deeper scarring may need more.</p>",
            "<h2>Who it may suit</h2>",
            "<p>Because it does not rely on heat, microneedling is generally thought to "
            "suit a wide range of skin types, including sensitive skin and darker skin "
            "tones. It is not suitable for everyone: active infection, some skin "
            "conditions and certain medicines can rule it out. <strong>Talk to a "
            "qualified clinician</strong> about whether it is right for you.</p>",
            "<h2>Combining with PRP</h2>",
            "<p>Some clinics apply platelet-rich plasma, made from a sample of your own "
            "blood, straight after needling. See our PRP page for how this works.</p>",
        ),
        "treats": [
            "Acne scars (rolling and boxcar)",
            "Fine lines and wrinkles",
            "Loose or lax skin",
            "Age spots",
            "Dull skin",
        ],
        "session_minutes": 30,
        "downtime": "Usually none; mild swelling may take around 48 hours to settle.",
        "course_sessions_min": 4,
        "course_sessions_max": 6,
        "course_interval_weeks": 4,
        "skin_types": "Generally suitable across skin types, including easily irritated skin and darker tones, after assessment.",
        "invasiveness": "minimally_invasive",
        "setting": "Outpatient clinic",
        "related": ["prp"],
        "cost_min": None,
        "cost_max": None,
        "cost_currency": "",
        "cost_as_of": None,
    },
    {
        "name": "PRP (Platelet-rich plasma)",
        "slug": "prp",
        "aliases": ["platelet-rich plasma", "vampire facial", "PRP therapy"],
        "summary": (
            "A treatment that concentrates platelets from a small sample of your own "
            "blood and applies or injects them, with the aim of supporting the skin's "
            "healing processes."
        ),
        "body": _join(
            "<p>Platelet-rich plasma (PRP) is prepared from your own blood. Platelets "
            "are tiny cell fragments best known for helping blood to clot, but they "
            "also release growth factors, proteins that help coordinate tissue repair. "
            "PRP treatments aim to deliver a concentrated dose of these to the skin or "
            "scalp.</p>",
            "<h2>How it is prepared</h2>",
            "<p>A clinician takes a blood sample from your arm, much like a routine "
            "blood test. The tube is spun at high speed in a centrifuge, which "
            "separates the heavier red cells from the lighter, straw-coloured plasma. "
            "The platelet-rich layer is then drawn off for use.</p>",
            "<h2>How it is used</h2>",
            "<ul>",
            "<li><strong>With microneedling:</strong> PRP is spread over the skin "
            "immediately after needling, so it can pass through the fresh "
            "micro-channels into deeper layers.</li>",
            "<li><strong>By injection:</strong> small amounts may be injected into the "
            "skin or, for thinning hair, into the scalp.</li>",
            "</ul>",
            "<p>The combination with microneedling is sometimes nicknamed a "
            "<em>vampire facial</em>.</p>",
            "<h2>Evidence and safety</h2>",
            "<p>Research on PRP is promising in some areas but mixed overall, and "
            "preparation methods vary widely between clinics. Because it comes from "
            "your own body, allergic reactions are unlikely, but bruising, soreness and "
            "infection are possible. People with certain blood disorders or who take "
            "some medicines may not be suitable. <strong>Talk to a qualified "
            "clinician</strong> before booking.</p>",
        ),
        "treats": [
            "Acne scars (alongside microneedling)",
            "Skin texture and tone",
            "Thinning hair",
        ],
        "session_minutes": None,
        "downtime": "Usually short; depends on whether PRP is combined with needling or injected.",
        "course_sessions_min": None,
        "course_sessions_max": None,
        "course_interval_weeks": None,
        "skin_types": "Most skin types; suitability depends on general health and blood tests where needed.",
        "invasiveness": "minimally_invasive",
        "setting": "Outpatient clinic",
        "related": ["microneedling"],
        "cost_min": None,
        "cost_max": None,
        "cost_currency": "",
        "cost_as_of": None,
    },
    {
        "name": "Chemical Peels",
        "slug": "chemical-peels",
        "aliases": ["chemical peel", "skin peel", "chemexfoliation"],
        "summary": (
            "A solution applied to the skin to remove damaged outer layers in a "
            "controlled way, with depth ranging from light to deep."
        ),
        "body": _join(
            "<p>A chemical peel uses an acid or other agent to loosen and remove cells "
            "from the surface of the skin. As the treated layer sheds, newer skin "
            "replaces it. The strength of the solution and how long it stays on decide "
            "how deep the peel reaches.</p>",
            "<h2>Depths of peel</h2>",
            "<ul>",
            "<li><strong>Light (superficial):</strong> works on the outermost layer; "
            "often repeated as a course.</li>",
            "<li><strong>Medium:</strong> reaches a little further; more peeling and redness.</li>",
            "<li><strong>Deep:</strong> a medical procedure with longer recovery and "
            "greater risk.</li>",
            "</ul>",
            "<h2>Things to consider</h2>",
            "<p>Peels can cause stinging, redness, flaking and, in some people, changes "
            "in skin colour. Darker skin tones may be more prone to pigment changes with "
            "deeper peels. Strict sun protection afterwards matters. <strong>Talk to a "
            "qualified clinician</strong> about which depth, if any, suits your skin.</p>",
        ),
        "treats": [
            "Uneven tone and pigmentation",
            "Fine lines",
            "Rough texture",
            "Some superficial acne marks",
        ],
        "session_minutes": None,
        "downtime": "Varies with depth: from little or none for light peels to a longer recovery for deep peels.",
        "course_sessions_min": None,
        "course_sessions_max": None,
        "course_interval_weeks": None,
        "skin_types": "Depends on peel depth; darker skin tones need careful assessment.",
        "invasiveness": "non_invasive",
        "setting": "Outpatient clinic",
        "related": ["laser-resurfacing", "microneedling"],
        "cost_min": None,
        "cost_max": None,
        "cost_currency": "",
        "cost_as_of": None,
    },
    {
        "name": "Dermal Fillers",
        "slug": "dermal-fillers",
        "aliases": ["fillers", "hyaluronic acid fillers", "soft tissue fillers"],
        "summary": (
            "Gel-like substances injected beneath the skin to add volume, soften "
            "creases or change contours."
        ),
        "body": _join(
            "<p>Dermal fillers are injected under the skin to restore or add volume. "
            "Many are made from hyaluronic acid, a substance that occurs naturally in "
            "the body and holds water. Results are temporary for most products, as the "
            "body gradually breaks the filler down.</p>",
            "<h2>Common uses</h2>",
            "<ul>",
            "<li>softening deeper creases, such as the lines from nose to mouth</li>",
            "<li>restoring volume in the cheeks or temples</li>",
            "<li>shaping the lips or jawline</li>",
            "<li>lifting some depressed scars</li>",
            "</ul>",
            "<h2>Risks</h2>",
            "<p>Bruising, swelling and tenderness are common. Less often, lumps, "
            "infection or an uneven result can occur. Rarely, filler can block a blood "
            "vessel, which is an emergency needing prompt treatment by a trained "
            "practitioner. Hyaluronic acid fillers can usually be dissolved with an "
            "enzyme if a problem arises.</p>",
            "<p><strong>Talk to a qualified clinician</strong> who can explain the "
            "product, its risks and what to do if something goes wrong.</p>",
        ),
        "treats": [
            "Volume loss",
            "Deep creases and folds",
            "Lip and facial contour",
            "Some depressed scars",
        ],
        "session_minutes": None,
        "downtime": "Often minimal, though bruising and swelling can last several days.",
        "course_sessions_min": None,
        "course_sessions_max": None,
        "course_interval_weeks": None,
        "skin_types": "Not determined by skin type; suitability depends on health and anatomy.",
        "invasiveness": "minimally_invasive",
        "setting": "Outpatient clinic",
        "related": ["anti-wrinkle-injections"],
        "cost_min": None,
        "cost_max": None,
        "cost_currency": "",
        "cost_as_of": None,
    },
    {
        "name": "Laser Resurfacing",
        "slug": "laser-resurfacing",
        "aliases": ["laser skin resurfacing", "fractional laser", "ablative laser"],
        "summary": (
            "The use of focused light energy to remove or heat layers of skin, "
            "encouraging new skin and collagen to form."
        ),
        "body": _join(
            "<p>Laser resurfacing directs concentrated light at the skin. "
            "<strong>Ablative</strong> lasers remove thin layers of skin, while "
            "<strong>non-ablative</strong> lasers heat the tissue beneath the surface "
            "without removing it. Many modern devices are <em>fractional</em>, treating "
            "a grid of tiny columns and leaving untouched skin in between to speed "
            "healing.</p>",
            "<h2>What it may help</h2>",
            "<ul>",
            "<li>acne scars</li>",
            "<li>lines and wrinkles</li>",
            "<li>sun damage and uneven texture</li>",
            "</ul>",
            "<h2>Recovery and risks</h2>",
            "<p>Recovery ranges from a few days of redness after gentler treatments to "
            "a longer healing period after ablative resurfacing. Possible problems "
            "include infection, prolonged redness, scarring and changes in skin colour. "
            "The risk of pigment change is generally higher in darker skin, so device "
            "choice and settings matter. <strong>Talk to a qualified clinician</strong> "
            "with specific laser training.</p>",
        ),
        "treats": [
            "Acne scars",
            "Lines and wrinkles",
            "Sun damage",
            "Uneven texture",
        ],
        "session_minutes": None,
        "downtime": "From a few days to several weeks, depending on the type of laser.",
        "course_sessions_min": None,
        "course_sessions_max": None,
        "course_interval_weeks": None,
        "skin_types": "Depends on the device; darker skin tones carry a higher risk of pigment change.",
        "invasiveness": "minimally_invasive",
        "setting": "Outpatient clinic",
        "related": ["microneedling", "chemical-peels"],
        "cost_min": None,
        "cost_max": None,
        "cost_currency": "",
        "cost_as_of": None,
    },
    {
        "name": "Anti-wrinkle injections",
        "slug": "anti-wrinkle-injections",
        "aliases": ["botulinum toxin", "botulinum toxin injections", "neuromodulator injections"],
        "summary": (
            "Injections of a prescription medicine that temporarily relaxes selected "
            "facial muscles, softening lines caused by movement."
        ),
        "body": _join(
            "<p>Anti-wrinkle injections use small doses of botulinum toxin, a "
            "prescription-only medicine in the UK and many other countries. It blocks "
            "the signal from nerve to muscle, so the treated muscle moves less. Lines "
            "that form when you frown, squint or raise your eyebrows may then look "
            "softer.</p>",
            "<h2>What to expect</h2>",
            "<p>The effect builds over several days and wears off over a few months, "
            "so repeat treatment is needed to maintain it. Bruising, headache or "
            "temporary drooping of an eyelid or brow can occur.</p>",
            "<h2>Important limits</h2>",
            "<p>These injections act on movement-related lines. They do not restore "
            "lost volume or improve texture, and they are not a treatment for acne "
            "scars. <strong>Talk to a qualified clinician</strong> who can prescribe "
            "and assess you in person.</p>",
        ),
        "treats": [
            "Frown lines",
            "Forehead lines",
            "Crow's feet",
        ],
        "session_minutes": None,
        "downtime": "Usually little or none; avoid rubbing the area on the day of treatment.",
        "course_sessions_min": None,
        "course_sessions_max": None,
        "course_interval_weeks": None,
        "skin_types": "Not determined by skin type; a medical assessment is needed.",
        "invasiveness": "minimally_invasive",
        "setting": "Outpatient clinic",
        "related": ["dermal-fillers"],
        "cost_min": None,
        "cost_max": None,
        "cost_currency": "",
        "cost_as_of": None,
    },
]


# ---------------------------------------------------------------------------
# References used by several posts (real publications; identifiers only where
# they were checked)
# ---------------------------------------------------------------------------

_REF_CONNOLLY_2017 = {
    "title": "Acne Scarring: Pathogenesis, Evaluation, and Treatment Options",
    "publisher": "Journal of Clinical and Aesthetic Dermatology",
    "year": 2017,
    "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC5749614/",
    "doi": "",
    "pmid": "29344322",
}

_REF_JUHASZ_2020 = {
    "title": "Microneedling for the Treatment of Scars: An Update for Clinicians",
    "publisher": "Clinical, Cosmetic and Investigational Dermatology",
    "year": 2020,
    "url": "https://www.dovepress.com/microneedling-for-the-treatment-of-scars-an-update-for-clinicians-peer-reviewed-article-CCID",
    "doi": "10.2147/CCID.S267192",
    "pmid": "",
}

_REF_TAM_2022 = {
    "title": "A Comprehensive Review of Non-Energy-Based Treatments for Atrophic Acne Scarring",
    "publisher": "Clinical, Cosmetic and Investigational Dermatology",
    "year": 2022,
    "url": "https://www.dovepress.com/a-comprehensive-review-of-non-energy-based-treatments-for-atrophic-acn-peer-reviewed-fulltext-article-CCID",
    "doi": "10.2147/CCID.S350040",
    "pmid": "",
}

_REF_FIFE_2011 = {
    "title": "Practical Evaluation and Management of Atrophic Acne Scars: Tips for the General Dermatologist",
    "publisher": "Journal of Clinical and Aesthetic Dermatology",
    "year": 2011,
    "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC3168245/",
    "doi": "",
    "pmid": "",
}

_REF_ZHOU_2021 = {
    "title": "Platelet-Rich Plasma in Female Androgenic Alopecia: A Comprehensive Systematic Review and Meta-Analysis",
    "publisher": "Frontiers in Pharmacology",
    "year": 2021,
    "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC8204330/",
    "doi": "10.3389/fphar.2021.642980",
    "pmid": "34140889",
}

_REF_NHS_COSMETIC = {
    "title": "Cosmetic procedures",
    "publisher": "NHS",
    "year": 2023,
    "url": "https://www.nhs.uk/conditions/cosmetic-procedures/",
    "doi": "",
    "pmid": "",
}


# ---------------------------------------------------------------------------
# Posts
# ---------------------------------------------------------------------------

POSTS = [
    # 1 -- the rewritten seed article (featured)
    {
        "title": "Does Microneedling Improve Acne Scars?",
        "slug": "does-microneedling-improve-acne-scars",
        "excerpt": (
            "A careful look at how acne scars form, how needling treatment works, what "
            "results are realistic and where PRP fits in."
        ),
        "body": _join(
            "<p>Few skin treatments have grown in popularity as quickly as "
            "microneedling, and it is often suggested to people unhappy with the marks "
            "acne has left behind. Clinics also use it for fine lines, slackening skin, "
            "age spots and a dull complexion. This guide explains what acne scars are, "
            "how the procedure works, what the research broadly shows and where "
            "platelet-rich plasma comes in.</p>",
            "<h2>Understanding acne scars</h2>",
            "<p>Not every spot leaves a mark. Scarring becomes more likely when "
            "inflammation travels below the surface into the dermis, the layer that "
            "gives skin its strength. As the body repairs that deeper damage it lays "
            "down collagen, a tough, fibrous protein that works like scaffolding. If "
            "the repair is uneven, with too little collagen in one spot, too much in "
            "another, or fibres arranged in a disorderly way, the surface can be left "
            "with a lasting change in texture.</p>",
            "<p>Clinicians usually group acne scars into two broad families:</p>",
            "<ul>",
            "<li><strong>Atrophic (depressed) scars</strong>, where tissue has been "
            "lost and the skin sits lower than its surroundings. Rolling, boxcar and "
            "ice-pick scars all belong here, and they are the kind most often seen on "
            "the face.</li>",
            "<li><strong>Hypertrophic and keloid (raised) scars</strong>, where extra "
            "tissue forms a firm bump. These are more common on the chest, back and "
            "jawline.</li>",
            "</ul>",
            "<p>The type matters, because a treatment that helps one may do little for "
            "another. Flat red or brown marks left after a spot heals are usually "
            "colour changes rather than true scars.</p>",
            "<h2>What is microneedling?</h2>",
            "<p>Also known as collagen induction therapy, or CIT, "
            '<a href="/procedures/microneedling/">microneedling</a> uses a pen-shaped '
            "or roller device fitted with many very fine needles. These create a close "
            "pattern of tiny, controlled punctures. Nothing is removed; the purpose is "
            "to nudge the skin into renewing itself.</p>",
            "<p>It is described as minimally invasive: the needles travel only a short "
            "way into the skin, no cuts are made, and you go home the same day. An "
            "appointment typically takes around half an hour, longer for a bigger area. "
            "Most people carry on with their normal routine straight afterwards, though "
            "redness and mild puffiness are expected; swelling usually settles within "
            "roughly two days.</p>",
            "<h2>Does microneedling improve acne scars?</h2>",
            "<p>For many people, it can help. A number of published clinical studies and "
            "reviews report that a course of treatment softens the look of depressed "
            "acne scars, with rolling and boxcar scars tending to respond better than "
            "narrow, deep ice-pick scars. The research varies in size and quality, and "
            "outcomes differ between individuals, so it is wiser to expect improvement "
            "than complete removal.</p>",
            "<p>Ice-pick and raised scars often call for other approaches, such as punch "
            "techniques or specific keloid treatments, sometimes alongside needling.</p>",
            "<h2>How microneedling improves acne scars</h2>",
            "<p>The practitioner first cleanses the area and usually applies an "
            "anaesthetic cream to improve comfort. The device is then moved over the "
            "skin in a methodical pattern, with needle depth chosen to suit the area "
            "and the scarring.</p>",
            "<p>Each puncture is a small, deliberate injury. The skin answers with its "
            "usual repair sequence: brief inflammation, then the making of new cells, "
            "collagen and elastin, and finally a slow remodelling stage lasting months. "
            "In scarred skin, this is thought to loosen some tethered, disorganised "
            "fibres and replace them with a more even network, gradually lifting "
            "shallow hollows.</p>",
            "<h3>How many sessions?</h3>",
            "<p>Change builds slowly, so one appointment is rarely enough. A course of "
            "four to six treatments is common, roughly a month apart so each round of "
            "healing can progress. Deeper scarring may need more, and the final result "
            "is judged some months after the last visit.</p>",
            "<h3>Skin type</h3>",
            "<p>As it does not depend on heat or light, microneedling is generally "
            "regarded as suitable across a broad range of skin, including skin that "
            "reacts easily. Clinicians often consider it for people with darker skin, "
            "who can be more prone to pigment changes after some laser treatments. Any "
            "procedure that injures the skin still carries some risk of discolouration, "
            "infection or irritation, so a careful assessment, and sometimes a test "
            "patch, is sensible.</p>",
            "<h2>Microneedling and PRP for acne scars</h2>",
            "<p>Some clinics pair needling with "
            '<a href="/procedures/prp/">platelet-rich plasma (PRP)</a>. PRP is made '
            "from a small sample of your own blood. The tube is placed in a centrifuge, "
            "which spins it rapidly so the red cells separate from the plasma, and the "
            "platelet-rich portion is collected. Platelets carry growth factors, "
            "signalling proteins involved in wound repair, and the idea is that placing "
            "them on freshly treated skin may support and speed up healing.</p>",
            "<p>The PRP is usually spread over the face straight after needling, while "
            "the fresh channels let it reach deeper than unbroken skin would. Some studies suggest the pairing may "
            "give a modestly better result than needling on its own for depressed acne "
            "scars, but the evidence is still developing and methods differ between "
            "clinics.</p>",
            "<p>If acne scarring is affecting how you feel, talk to a qualified "
            "clinician. They can identify your scar types, make sure any active acne is "
            "under control first, and explain realistic outcomes, costs and risks "
            "before you commit to a course of treatment.</p>",
        ),
        "categories": ["acne-scarring"],
        "procedures": ["microneedling", "prp"],
        "tags": ["acne-scars", "collagen", "prp", "skin-of-colour"],
        "days_ago": 12,
        "is_featured": True,
        "reviewer": "dr-amara-okafor",
        "last_reviewed_days_ago": 10,
        "references": [_REF_CONNOLLY_2017, _REF_JUHASZ_2020, _REF_TAM_2022],
        "image": {"palette": "rose", "motif": "dots"},
        "image_alt": (
            "Abstract illustration in soft rose tones with a pattern of fine dots, "
            "evoking microneedling"
        ),
    },
    # 2
    {
        "title": "Microneedling aftercare: the first 48 hours",
        "slug": "microneedling-aftercare-first-48-hours",
        "excerpt": (
            "What is normal after a microneedling appointment, how to look after your "
            "skin for the first two days, and which signs mean you should call the "
            "clinic."
        ),
        "body": _join(
            '<p>The couple of days after <a href="/procedures/microneedling/">'
            "microneedling</a> are when your skin is doing most of its early repair "
            "work. Good aftercare will not change the long-term result dramatically, "
            "but it can make you more comfortable and lower the chance of irritation or "
            "infection. Always follow the written instructions from your own clinic "
            "first; the points below are general.</p>",
            "<h2>What is normal straight after treatment</h2>",
            "<p>Expect your skin to look flushed, rather like a mild sunburn, and to "
            "feel warm, tight or a little tender. Tiny pinpoint spots of blood may "
            "appear during the session but should stop quickly. Mild puffiness is "
            "common and tends to peak early, easing over roughly two days.</p>",
            "<h2>The first evening</h2>",
            "<ul>",
            "<li>Wash your hands before touching your face.</li>",
            "<li>If your clinic advises cleansing, use lukewarm water and a gentle, "
            "fragrance-free cleanser, patting dry with a clean towel.</li>",
            "<li>Skip make-up until your practitioner says it is fine.</li>",
            "<li>Sleep on a freshly washed pillowcase.</li>",
            "</ul>",
            "<h2>Day one and day two</h2>",
            "<p>Keep your routine simple. A plain moisturiser recommended by the clinic "
            "can ease tightness. Leave out retinoids, exfoliating acids, scrubs and "
            "strongly scented products until you are told to restart them. Avoid saunas, "
            "steam rooms, swimming pools and very strenuous exercise, since heat, sweat "
            "and chlorine can irritate freshly treated skin. Stay out of strong sun, and "
            "once your clinic allows it, use a broad-spectrum sunscreen.</p>",
            "<p>Light flaking or dryness can follow as the surface renews. Let it come "
            "away by itself rather than picking at it.</p>",
            "<h2>When to seek advice</h2>",
            "<p>Contact the clinic, or your GP if you cannot reach them, if you notice:</p>",
            "<ul>",
            "<li>pain or swelling that is getting worse rather than better</li>",
            "<li>redness that spreads, or skin that feels hot</li>",
            "<li>yellow crusts, pus or blisters</li>",
            "<li>a fever or feeling generally unwell</li>",
            "<li>a flare of cold sores, if you are prone to them</li>",
            "</ul>",
            "<p>If you are unsure whether something is normal, it is always reasonable "
            "to ask. A good clinic would rather hear from you early.</p>",
        ),
        "categories": ["aftercare-safety"],
        "procedures": ["microneedling"],
        "tags": ["aftercare", "downtime", "side-effects"],
        "days_ago": 9,
        "is_featured": False,
        "reviewer": "dr-amara-okafor",
        "last_reviewed_days_ago": 9,
        "references": [_REF_JUHASZ_2020],
        "image": {"palette": "sage", "motif": "waves"},
        "image_alt": (
            "Abstract illustration in calm sage green with gentle flowing waves, "
            "suggesting skin settling after treatment"
        ),
    },
    # 3
    {
        "title": "PRP explained: what happens to your blood sample",
        "slug": "prp-explained-what-happens-to-your-blood-sample",
        "excerpt": (
            "Platelet-rich plasma starts as an ordinary blood sample. Here is how it is "
            "processed, how it is used, and what to ask before you agree to it."
        ),
        "body": _join(
            '<p><a href="/procedures/prp/">Platelet-rich plasma (PRP)</a> can sound '
            "mysterious, but the preparation is fairly straightforward. Understanding "
            "each step helps you judge whether a clinic is handling your sample "
            "carefully.</p>",
            "<h2>Step one: the blood draw</h2>",
            "<p>A trained clinician takes a sample from a vein in your arm, usually in "
            "much the same way as a routine blood test. A small bruise at the needle "
            "site is the most common side effect. Let the team know if you have fainted "
            "during blood tests before, or if you take medicines that affect "
            "clotting.</p>",
            "<h2>Step two: the centrifuge</h2>",
            "<p>The tube goes into a centrifuge, a machine that spins samples very fast. "
            "The spinning pushes the heaviest parts of the blood, the red cells, to the "
            "bottom. Above them sits a thin, pale layer rich in platelets, and above "
            "that, the clear yellowish plasma.</p>",
            "<h2>Step three: collecting the platelet-rich layer</h2>",
            "<p>The clinician draws off the plasma that holds the most platelets. "
            "Platelets release growth factors, messenger proteins that help organise "
            "tissue repair, which is why PRP is used in skin and hair treatments. Kits "
            "and spin settings differ between manufacturers, so the final product is "
            "not identical from one clinic to another.</p>",
            "<h2>Step four: how PRP is used</h2>",
            "<ul>",
            '<li><strong>Alongside <a href="/procedures/microneedling/">'
            "microneedling</a>:</strong> it is applied to the skin straight after "
            "needling, so it can move through the fresh micro-channels.</li>",
            "<li><strong>As injections:</strong> small amounts may be placed in the "
            "skin or scalp.</li>",
            "</ul>",
            "<h2>Questions worth asking</h2>",
            "<ul>",
            "<li>Who takes and prepares the sample, and what training do they have?</li>",
            "<li>Is the kit single-use and designed for this purpose?</li>",
            "<li>Is your sample kept in sight and labelled clearly?</li>",
            "<li>What does the evidence show for your particular concern?</li>",
            "</ul>",
            "<p>Because PRP comes from your own body, allergy is unlikely, but it is "
            "still a medical procedure with risks such as infection and bruising. Talk "
            "to a qualified clinician about whether it is suitable for you.</p>",
        ),
        "categories": ["procedures-explained"],
        "procedures": ["prp", "microneedling"],
        "tags": ["prp", "side-effects"],
        "days_ago": 20,
        "is_featured": False,
        "reviewer": "dr-tomasz-lindqvist",
        "last_reviewed_days_ago": 18,
        "references": [],
        "image": {"palette": "peach", "motif": "rings"},
        "image_alt": (
            "Abstract illustration in warm peach tones with concentric rings, "
            "suggesting a sample spinning in a centrifuge"
        ),
    },
    # 4
    {
        "title": "Microneedling on darker skin tones",
        "slug": "microneedling-on-darker-skin-tones",
        "excerpt": (
            "Why microneedling is often considered for darker skin, and how careful "
            "planning can reduce the risk of unwanted pigment changes."
        ),
        "body": _join(
            "<p>People with brown and Black skin are sometimes told that their options "
            "for treating scars or uneven texture are limited. That is not quite right, "
            "but it is true that treatment choice and technique deserve extra "
            "care.</p>",
            "<h2>Why skin tone matters</h2>",
            "<p>Darker skin contains more active pigment-producing cells. When it is "
            "inflamed or injured, it can respond by making extra pigment, leaving dark "
            "patches known as post-inflammatory hyperpigmentation. These marks often "
            "fade, but it can take many months. Less often, skin can lighten instead.</p>",
            "<h2>Why microneedling is often considered</h2>",
            "<p>Many lasers and some stronger peels work by heating or chemically "
            "wounding the skin, and heat in particular is a known trigger for pigment "
            'change. <a href="/procedures/microneedling/">Microneedling</a> creates '
            "mechanical micro-injuries instead and leaves the surface largely intact, "
            "which is why it is widely regarded as a suitable option across skin tones. "
            "That does not make it risk-free.</p>",
            "<h2>Reducing the risk of pigment changes</h2>",
            "<ul>",
            "<li>Treat active acne or eczema first, so the skin is calm.</li>",
            "<li>Ask whether a test patch in a discreet area makes sense.</li>",
            "<li>Use sun protection daily before and after your course.</li>",
            "<li>Follow aftercare closely and avoid harsh products while healing.</li>",
            "<li>Let your clinician know if you have had pigment problems after past "
            "treatments.</li>",
            "</ul>",
            "<h2>Finding the right clinician</h2>",
            "<p>Look for someone who regularly treats skin like yours and can show you "
            "examples of their work on a range of skin tones. A good practitioner will "
            "talk openly about pigment risk rather than dismissing it. If you have any "
            "doubts, talk to a qualified clinician, ideally a dermatologist, before you "
            "start.</p>",
        ),
        "categories": ["skin-treatments", "acne-scarring"],
        "procedures": ["microneedling"],
        "tags": ["skin-of-colour", "sensitive-skin", "sun-protection"],
        "days_ago": 30,
        "is_featured": False,
        "reviewer": "dr-amara-okafor",
        "last_reviewed_days_ago": 28,
        "references": [_REF_JUHASZ_2020],
        "image": {"palette": "sand", "motif": "dots"},
        "image_alt": (
            "Abstract illustration in warm sand and bronze tones with scattered dots "
            "of varying depth"
        ),
    },
    # 5
    {
        "title": "Chemical peels: light, medium and deep",
        "slug": "chemical-peels-light-medium-deep",
        "excerpt": (
            "Peels range from a gentle refresh to a serious medical procedure. We "
            "explain the three broad depths and what each involves."
        ),
        "body": _join(
            "<p>The word <em>peel</em> covers a surprisingly wide spectrum. At one end "
            "is a mild acid that makes the skin flake slightly for a few days; at the "
            "other is a procedure that needs medical supervision and weeks of healing. "
            "Knowing where a treatment sits helps you weigh benefits against risks.</p>",
            "<h2>How peels work</h2>",
            '<p>A <a href="/procedures/chemical-peels/">chemical peel</a> applies a '
            "solution that breaks the bonds between skin cells, so a controlled layer "
            "sheds over the following days. The type of agent, its strength and the "
            "time it stays on the skin together decide how deep the effect goes.</p>",
            "<h2>Light (superficial) peels</h2>",
            "<p>These work on the outermost layer. They may be used for dullness, mild "
            "unevenness and rough texture. Recovery is usually brief, with some redness "
            "and flaking, and they are often given as a series.</p>",
            "<h2>Medium-depth peels</h2>",
            "<p>Reaching a little further, these may be considered for more noticeable "
            "sun damage, fine lines and some pigment concerns. Expect several days of "
            "redness, swelling and peeling. The risk of pigment change is higher than "
            "with light peels, particularly in darker skin.</p>",
            "<h2>Deep peels</h2>",
            "<p>Deep peels are a significant medical procedure, sometimes needing "
            "sedation and monitoring. Healing takes considerably longer and the risks, "
            "including scarring and lasting colour change, are greater. They are far "
            "less commonly performed today than lighter options or "
            '<a href="/procedures/laser-resurfacing/">laser resurfacing</a>.</p>',
            "<h2>Which is right for you?</h2>",
            "<p>That depends on your skin type, your concerns, your medical history and "
            "how much recovery time you can accept. Whatever the depth, diligent sun "
            "protection afterwards is essential. Talk to a qualified clinician who can "
            "examine your skin and explain the options honestly.</p>",
        ),
        "categories": ["skin-treatments", "procedures-explained"],
        "procedures": ["chemical-peels"],
        "tags": ["downtime", "sun-protection", "skin-of-colour"],
        "days_ago": 41,
        "is_featured": False,
        "reviewer": "dr-amara-okafor",
        "last_reviewed_days_ago": 40,
        "references": [_REF_NHS_COSMETIC],
        "image": {"palette": "sand", "motif": "grid"},
        "image_alt": (
            "Abstract illustration in layered sand tones with a fine grid, suggesting "
            "layers of skin"
        ),
    },
    # 6
    {
        "title": "Dermal fillers: questions to ask before you book",
        "slug": "dermal-fillers-questions-to-ask-before-you-book",
        "excerpt": (
            "A practical checklist of questions about the product, the practitioner "
            "and the plan for complications before you agree to filler treatment."
        ),
        "body": _join(
            '<p><a href="/procedures/dermal-fillers/">Dermal fillers</a> are often '
            "marketed as quick and simple. The injections may be brief, but they are "
            "still a medical procedure with real risks. In some countries, including "
            "the UK, fillers are not prescription-only medicines, so the responsibility "
            "for checking who treats you falls largely on you. These questions can "
            "help.</p>",
            "<h2>Questions about the practitioner</h2>",
            "<ul>",
            "<li>What is your professional background, and are you on a statutory "
            "register, such as those for doctors, nurses or dentists?</li>",
            "<li>How often do you perform this specific treatment?</li>",
            "<li>Can I see before-and-after photos of your own patients?</li>",
            "</ul>",
            "<h2>Questions about the product</h2>",
            "<ul>",
            "<li>Which filler will you use, and what is it made of?</li>",
            "<li>Can it be dissolved if I am unhappy or if there is a problem?</li>",
            "<li>Roughly how long is it expected to last in the area we are treating?</li>",
            "</ul>",
            "<h2>Questions about complications</h2>",
            "<ul>",
            "<li>What are the common side effects, and what are the rare but serious ones?</li>",
            "<li>Do you keep emergency medicines, such as an enzyme to dissolve "
            "hyaluronic acid filler, on site?</li>",
            "<li>How can I reach you out of hours if something feels wrong?</li>",
            "</ul>",
            "<p>It is also worth bringing a list of your medicines and supplements, "
            "as some increase the chance of bruising, and mentioning any past reactions "
            "to cosmetic treatments.</p>",
            "<h2>Questions to ask yourself</h2>",
            "<p>What exactly would you like to change, and why now? Are you feeling "
            "rushed by a discount or deadline? A good practitioner will give you time to "
            "think, may suggest doing less rather than more, and will be willing to say "
            "no if treatment is not in your interest. If something does not feel right, "
            "walk away and talk to a qualified clinician elsewhere.</p>",
        ),
        "categories": ["injectables"],
        "procedures": ["dermal-fillers"],
        "tags": ["choosing-a-practitioner", "side-effects"],
        "days_ago": 55,
        "is_featured": False,
        "reviewer": "dr-tomasz-lindqvist",
        "last_reviewed_days_ago": 50,
        "references": [_REF_NHS_COSMETIC],
        "image": {"palette": "lilac", "motif": "rings"},
        "image_alt": (
            "Abstract illustration in soft lilac with overlapping rings, suggesting "
            "volume and contour"
        ),
    },
    # 7
    {
        "title": "How many microneedling sessions will I need?",
        "slug": "how-many-microneedling-sessions",
        "excerpt": (
            "Most courses involve several appointments spread over months. Here is why, "
            "and what can change the number for you."
        ),
        "body": _join(
            "<p>One of the first questions people ask about "
            '<a href="/procedures/microneedling/">microneedling</a> is how many '
            "visits it will take. There is no single answer, but there is a typical "
            "pattern, and it helps to understand the reasons behind it.</p>",
            "<h2>The usual starting point</h2>",
            "<p>Clinics commonly suggest a course of four to six sessions, with about a "
            "month between each. That gap is deliberate: the collagen response "
            "triggered by each treatment unfolds over weeks, and needling again too "
            "soon would interrupt it. Your practitioner may adjust the plan as the "
            "course goes on, depending on how your skin responds.</p>",
            "<h2>What can change the number</h2>",
            "<ul>",
            "<li><strong>What you are treating.</strong> Fine lines or dullness may "
            "need fewer sessions than established acne scars.</li>",
            "<li><strong>Severity.</strong> Deeper or more widespread scarring usually "
            "needs a longer course, and may benefit from other treatments too.</li>",
            "<li><strong>Scar type.</strong> Rolling and boxcar scars tend to respond "
            "better than narrow ice-pick scars.</li>",
            "<li><strong>How your skin heals.</strong> Healing speed varies from person "
            "to person.</li>",
            "</ul>",
            "<h2>When will I see a difference?</h2>",
            "<p>Some people notice their skin looks fresher within a few weeks, but "
            "changes in scarring are gradual. Remodelling continues for months after "
            "the final session, so judge the result with some patience. Photographs "
            "taken in the same light at each visit are a fairer comparison than the "
            "mirror.</p>",
            "<h2>What about maintenance?</h2>",
            "<p>Some clinicians suggest an occasional top-up once the course is "
            "finished, while others do not. Ask why a top-up is being recommended for "
            "you, and be cautious of open-ended packages. Before you start, agree how "
            "progress will be reviewed and at what point it would make sense to stop or "
            "try something different. Talk to a qualified clinician about a plan that "
            "suits your skin and your budget.</p>",
        ),
        "categories": ["procedures-explained", "acne-scarring"],
        "procedures": ["microneedling"],
        "tags": ["acne-scars", "collagen"],
        "days_ago": 64,
        "is_featured": False,
        "reviewer": None,
        "last_reviewed_days_ago": None,
        "references": [],
        "image": {"palette": "sky", "motif": "grid"},
        "image_alt": (
            "Abstract illustration in pale sky blue with an even grid, like a calendar "
            "of appointments"
        ),
    },
    # 8
    {
        "title": "Choosing a qualified practitioner",
        "slug": "choosing-a-qualified-practitioner",
        "excerpt": (
            "Qualifications, setting and the way a consultation is run can tell you a "
            "great deal about whether a practitioner is safe to see."
        ),
        "body": _join(
            "<p>The person who treats you matters at least as much as the treatment "
            "itself. Rules on who may perform cosmetic procedures differ between "
            "countries and between procedures, and in some places people with very "
            "little training can legally offer certain treatments. A little homework "
            "before you book is time well spent.</p>",
            "<h2>Check qualifications and registration</h2>",
            "<p>Ask directly about training and professional background. Doctors, "
            "nurses and dentists in the UK appear on public registers held by the GMC, "
            "NMC and GDC, and you can search these online. Prescription-only medicines, "
            'such as those used in <a href="/procedures/anti-wrinkle-injections/">'
            "anti-wrinkle injections</a>, must be prescribed by a suitably qualified "
            "professional after a proper assessment.</p>",
            "<h2>Look at the setting</h2>",
            "<p>The premises should be clean and private, with handwashing facilities "
            "and single-use needles opened in front of you. For injectable treatments, "
            "ask what emergency equipment and medicines are kept on site.</p>",
            "<h2>What a good consultation looks like</h2>",
            "<ul>",
            "<li>You are asked about your medical history, medicines and allergies.</li>",
            "<li>Risks and alternatives, including doing nothing, are discussed.</li>",
            "<li>Costs are explained clearly, including any follow-up.</li>",
            "<li>You are given time to think and are not pushed to book on the spot.</li>",
            "</ul>",
            "<h2>Red flags</h2>",
            "<ul>",
            "<li>Time-limited deals designed to hurry you.</li>",
            "<li>Treatment offered at parties or in someone's home.</li>",
            "<li>Vague answers about products or qualifications.</li>",
            "<li>Promises of guaranteed or permanent results.</li>",
            "</ul>",
            "<h2>After treatment</h2>",
            "<p>You should leave with written aftercare advice and a way to contact the "
            "practitioner if something goes wrong. If you are not sure about anyone you "
            "are considering, talk to a qualified clinician such as your GP or a "
            "dermatologist.</p>",
        ),
        "categories": ["aftercare-safety"],
        "procedures": ["dermal-fillers", "anti-wrinkle-injections"],
        "tags": ["choosing-a-practitioner", "side-effects"],
        "days_ago": 75,
        "is_featured": False,
        "reviewer": "dr-tomasz-lindqvist",
        "last_reviewed_days_ago": 70,
        "references": [_REF_NHS_COSMETIC],
        "image": {"palette": "sage", "motif": "grid"},
        "image_alt": (
            "Abstract illustration in muted sage with a tidy grid, suggesting order "
            "and careful checks"
        ),
    },
    # 9
    {
        "title": "Laser resurfacing vs microneedling",
        "slug": "laser-resurfacing-vs-microneedling",
        "excerpt": (
            "Both aim to remodel the skin, but they work differently. A side-by-side "
            "look at mechanism, recovery and suitability."
        ),
        "body": _join(
            '<p><a href="/procedures/laser-resurfacing/">Laser resurfacing</a> and '
            '<a href="/procedures/microneedling/">microneedling</a> are both used for '
            "acne scars and signs of ageing, and both rely on controlled injury to "
            "stimulate repair. Beyond that, they differ in ways that matter.</p>",
            "<h2>How each one works</h2>",
            "<p>Lasers use light energy. Ablative types remove thin layers of skin; "
            "non-ablative types heat the tissue underneath without breaking the "
            "surface. Microneedling makes tiny mechanical punctures without heat.</p>",
            "<h2>Recovery</h2>",
            "<p>Microneedling usually involves a day or two of redness and mild "
            "swelling. Recovery after laser treatment depends heavily on the device: "
            "gentle non-ablative settings may need only a few days, whereas ablative "
            "resurfacing can take considerably longer to heal.</p>",
            "<h2>Skin tone</h2>",
            "<p>Heat is a known trigger for pigment change, so laser treatment of darker "
            "skin calls for careful device selection and settings. Microneedling is "
            "often regarded as a lower-risk option for darker skin, though no "
            "procedure is free of risk.</p>",
            "<h2>Results</h2>",
            "<p>Some lasers may achieve more change per session for certain scars, at "
            "the cost of more downtime and risk. Microneedling tends to produce gradual "
            "improvement over a longer course. Clinicians sometimes combine or "
            "alternate treatments for different scar types. Neither approach removes "
            "scars completely, so it is worth asking what a realistic improvement would "
            "look like for you.</p>",
            "<h2>Making the choice</h2>",
            "<p>The right option depends on your scar types, skin tone, medical history "
            "and how much recovery time you can manage. Talk to a qualified clinician "
            "who offers both, or who will refer you on, so the advice is not shaped by "
            "which machine the clinic happens to own.</p>",
        ),
        "categories": ["skin-treatments", "acne-scarring"],
        "procedures": ["laser-resurfacing", "microneedling"],
        "tags": ["acne-scars", "downtime", "skin-of-colour"],
        "days_ago": 88,
        "is_featured": False,
        "reviewer": "dr-amara-okafor",
        "last_reviewed_days_ago": 60,
        "references": [_REF_CONNOLLY_2017],
        "image": {"palette": "sky", "motif": "waves"},
        "image_alt": (
            "Abstract illustration in cool sky blue with parallel waves, suggesting beams of light"
        ),
    },
    # 10
    {
        "title": "Anti-wrinkle injections: what they can and cannot do",
        "slug": "anti-wrinkle-injections-what-they-can-and-cannot-do",
        "excerpt": (
            "A balanced look at botulinum toxin treatment: which lines it may soften, "
            "where it does not help, and the safety basics."
        ),
        "body": _join(
            '<p><a href="/procedures/anti-wrinkle-injections/">Anti-wrinkle '
            "injections</a> are among the most common non-surgical cosmetic treatments. "
            "They are also widely misunderstood. Knowing their limits helps you set "
            "sensible expectations and spot claims that go too far.</p>",
            "<h2>How they work</h2>",
            "<p>The medicine, botulinum toxin, temporarily reduces the signal from a "
            "nerve to the muscle it controls. The treated muscle contracts less, so the "
            "creases it normally forms on the skin above become less pronounced. The "
            "effect is gradual rather than instant, and a follow-up visit is often "
            "offered to check the result once it has settled.</p>",
            "<h2>What they can do</h2>",
            "<ul>",
            "<li>Soften lines made by movement, such as frown lines, forehead lines and "
            "crow's feet.</li>",
            "<li>Give a more relaxed look when done with a light touch.</li>",
            "</ul>",
            "<h2>What they cannot do</h2>",
            "<ul>",
            "<li>Replace lost volume; that is the role of "
            '<a href="/procedures/dermal-fillers/">fillers</a> or other options.</li>',
            "<li>Improve skin texture, pigmentation or acne scars.</li>",
            "<li>Last indefinitely; the effect fades over a few months.</li>",
            "<li>Fully erase deep lines that remain visible at rest.</li>",
            "</ul>",
            "<h2>Safety basics</h2>",
            "<p>In the UK, botulinum toxin is a prescription-only medicine, so a "
            "qualified prescriber should assess you in person before treatment. Common "
            "side effects include bruising and headache. Less often, a brow or eyelid "
            "may droop for a while. Tell the prescriber about any neuromuscular "
            "conditions, pregnancy or breastfeeding, and all medicines you take.</p>",
            "<p>A natural-looking result usually depends more on careful assessment and "
            "dosing than on the product itself. If you are considering treatment, talk "
            "to a qualified clinician who can explain whether it suits the lines that "
            "bother you.</p>",
        ),
        "categories": ["injectables", "anti-ageing"],
        "procedures": ["anti-wrinkle-injections"],
        "tags": ["wrinkles", "side-effects"],
        "days_ago": 102,
        "is_featured": False,
        "reviewer": "dr-tomasz-lindqvist",
        "last_reviewed_days_ago": 95,
        "references": [_REF_NHS_COSMETIC],
        "image": {"palette": "lilac", "motif": "waves"},
        "image_alt": (
            "Abstract illustration in lilac with softened, smoothed waves, suggesting "
            "relaxed expression lines"
        ),
    },
    # 11
    {
        "title": "Rolling, boxcar and ice-pick scars: telling them apart",
        "slug": "rolling-boxcar-ice-pick-scars",
        "excerpt": (
            "Depressed acne scars come in different shapes, and the shape often guides "
            "treatment. A plain guide to the main types."
        ),
        "body": _join(
            "<p>When clinicians look at acne scarring, one of the first things they do "
            "is identify the shapes involved. Most people have a mixture, and each type "
            "tends to respond to different approaches.</p>",
            "<h2>Rolling scars</h2>",
            "<p>These are broad, shallow hollows with soft, sloping edges that give the "
            "skin a wavy look, especially in side lighting. They often form because "
            "bands of scar tissue beneath the surface pull the skin downwards. They are "
            "among the types most likely to improve with "
            '<a href="/procedures/microneedling/">microneedling</a>, sometimes '
            "alongside subcision, a technique that releases those bands.</p>",
            "<h2>Boxcar scars</h2>",
            "<p>Boxcar scars are round or oval dips with steep, well-defined sides and a "
            "fairly flat floor. Shallow boxcar scars often respond to needling or "
            "resurfacing; deeper ones may need additional treatments.</p>",
            "<h2>Ice-pick scars</h2>",
            "<p>Narrow and deep, these look like small punctures that taper to a point "
            "below the surface. Because they are so deep relative to their width, "
            "surface treatments alone usually make limited difference. Clinicians may "
            "suggest targeted approaches such as punch techniques.</p>",
            "<h2>Raised scars</h2>",
            "<p>Hypertrophic and keloid scars are firm, raised areas caused by excess "
            "scar tissue. They are managed differently from depressed scars, and "
            "needling is not usually the first choice.</p>",
            "<h2>Why the type matters</h2>",
            "<p>A plan built around the scar types you actually have is more likely to "
            "help than a one-size package. Flat red or brown marks are also worth "
            "separating out, since they are colour changes rather than true scars. Talk "
            "to a qualified clinician, ideally a dermatologist, who can examine your "
            "skin in good light.</p>",
        ),
        "categories": ["acne-scarring"],
        "procedures": ["microneedling", "laser-resurfacing"],
        "tags": ["acne-scars", "collagen"],
        "days_ago": 120,
        "is_featured": False,
        "reviewer": "dr-amara-okafor",
        "last_reviewed_days_ago": 100,
        "references": [_REF_FIFE_2011, _REF_CONNOLLY_2017],
        "image": {"palette": "rose", "motif": "rings"},
        "image_alt": (
            "Abstract illustration in dusty rose with rings of different widths and "
            "depths, suggesting varied scar shapes"
        ),
    },
    # 12 -- scheduled (future) post
    {
        "title": "PRP for thinning hair",
        "slug": "prp-for-thinning-hair",
        "excerpt": (
            "PRP injections are increasingly offered for hair thinning. We explain the "
            "procedure, the current state of the evidence and who might consider it."
        ),
        "body": _join(
            "<p>Hair thinning can be distressing, and clinics now commonly offer "
            '<a href="/procedures/prp/">platelet-rich plasma (PRP)</a> as one option. '
            "Before exploring it, it is worth understanding what it involves and how "
            "much is still unknown.</p>",
            "<h2>Start with a diagnosis</h2>",
            "<p>Hair loss has many causes, including genetics, hormonal changes, "
            "thyroid problems, low iron, stress, illness and some medicines. A GP or "
            "dermatologist can help work out the cause, which may need blood tests. "
            "Some types of hair loss need quite different treatment, so this step "
            "should come first.</p>",
            "<h2>How the treatment is done</h2>",
            "<p>A blood sample is taken and spun in a centrifuge to concentrate the "
            "platelets. The resulting plasma is then injected into the scalp in the "
            "thinning areas. Treatments are usually repeated over a number of "
            "sessions, and protocols vary between clinics.</p>",
            "<h2>What the evidence says</h2>",
            "<p>Studies of PRP for pattern hair loss have reported encouraging results "
            "in some people, but many trials are small, methods are not standardised, "
            "and larger, well-designed studies are still needed. It is not a cure, and "
            "any benefit may fade without ongoing treatment. Some clinicians use it "
            "alongside established medical treatments rather than instead of them.</p>",
            "<h2>Things to ask</h2>",
            "<ul>",
            "<li>What type of hair loss do I have, and is PRP appropriate for it?</li>",
            "<li>How will progress be measured, for example with standardised photographs?</li>",
            "<li>How does it compare with established medical treatments?</li>",
            "<li>What are the total costs, including any maintenance sessions?</li>",
            "</ul>",
            "<p>Scalp injections can be uncomfortable and may cause tenderness or "
            "bruising. Talk to a qualified clinician before committing to a course.</p>",
        ),
        "categories": ["hair"],
        "procedures": ["prp"],
        "tags": ["prp", "hair-loss"],
        "days_ago": -3,
        "is_featured": False,
        "reviewer": "dr-tomasz-lindqvist",
        "last_reviewed_days_ago": 2,
        "references": [_REF_ZHOU_2021],
        "image": {"palette": "peach", "motif": "waves"},
        "image_alt": (
            "Abstract illustration in soft peach with fine, flowing wavy lines, "
            "suggesting strands of hair"
        ),
    },
    # 13
    {
        "title": "Sun protection after skin treatments",
        "slug": "sun-protection-after-skin-treatments",
        "excerpt": (
            "Freshly treated skin is more vulnerable to sunlight. Simple, consistent "
            "habits help protect your results and your skin."
        ),
        "body": _join(
            '<p>After treatments such as <a href="/procedures/microneedling/">'
            'microneedling</a>, <a href="/procedures/chemical-peels/">chemical '
            'peels</a> or <a href="/procedures/laser-resurfacing/">laser '
            "resurfacing</a>, your skin is busy repairing itself. During that time it "
            "is more easily irritated by ultraviolet light, and unwanted pigment "
            "changes become more likely.</p>",
            "<h2>Why treated skin is vulnerable</h2>",
            "<p>Many procedures thin or disturb the outer layer temporarily, and "
            "inflamed skin can respond to sunlight by producing extra pigment. This is "
            "a particular concern for darker skin tones, but anyone can be "
            "affected. Some skincare products used after treatment can also make skin "
            "more sensitive to light.</p>",
            "<h2>Choosing a sunscreen</h2>",
            "<ul>",
            "<li>Pick a broad-spectrum product that protects against both UVA and UVB.</li>",
            "<li>Use a high factor; many health bodies suggest at least SPF 30.</li>",
            "<li>Choose a gentle, fragrance-free formula while your skin is sensitive.</li>",
            "<li>Ask your clinic when it is safe to start applying it after treatment.</li>",
            "</ul>",
            "<h2>Everyday habits</h2>",
            "<p>Apply generously and reapply through the day if you are outdoors. Add a "
            "wide-brimmed hat and seek shade around midday. Remember that sunlight "
            "reaches you through clouds and car windows, and that tanning beds are best "
            "avoided altogether. If you have a holiday or outdoor event planned, "
            "mention it when booking, as your clinician may suggest timing treatment "
            "around it.</p>",
            "<h2>How long to be careful</h2>",
            "<p>Your practitioner will advise you, as it varies with the treatment and "
            "your skin. Many clinicians recommend daily sun protection throughout a "
            "course and well beyond it. If you notice new dark patches after a "
            "procedure, talk to a qualified clinician rather than reaching for "
            "strong lightening products on your own.</p>",
        ),
        "categories": ["aftercare-safety"],
        "procedures": ["microneedling", "chemical-peels", "laser-resurfacing"],
        "tags": ["sun-protection", "aftercare", "skin-of-colour"],
        "days_ago": 140,
        "is_featured": False,
        "reviewer": None,
        "last_reviewed_days_ago": None,
        "references": [],
        "image": {"palette": "sand", "motif": "rings"},
        "image_alt": (
            "Abstract illustration in warm sand tones with radiating rings, suggesting sunlight"
        ),
    },
    # 14 -- draft
    {
        "title": "What 'minimally invasive' really means",
        "slug": "what-minimally-invasive-really-means",
        "excerpt": (
            "The phrase appears in a lot of clinic marketing. Here is what it usually "
            "refers to, and why it is not the same as risk-free."
        ),
        "body": _join(
            "<p>You will see <em>minimally invasive</em> used to describe everything "
            "from injections to needling. It is a useful label, but it describes how a "
            "procedure is done, not how safe it is for you.</p>",
            "<h2>A spectrum, not a box</h2>",
            "<p>It helps to picture cosmetic procedures on a line. At one end are "
            "treatments that do not break the skin at all. At the other is surgery, "
            "with incisions, stitches and often anaesthesia. Most clinic treatments sit "
            "somewhere in between, and the same treatment can move along the line "
            "depending on how it is performed.</p>",
            "<h2>Non-invasive</h2>",
            "<p>These work on or through the skin without breaking it, such as light "
            '<a href="/procedures/chemical-peels/">chemical peels</a> or some '
            "light-based treatments. They can still irritate or burn the skin if done "
            "poorly.</p>",
            "<h2>Minimally invasive</h2>",
            "<p>These involve needles or small instruments that pass into the skin but "
            "avoid surgical cuts. Examples include "
            '<a href="/procedures/microneedling/">microneedling</a>, '
            '<a href="/procedures/dermal-fillers/">dermal fillers</a> and '
            '<a href="/procedures/anti-wrinkle-injections/">anti-wrinkle '
            "injections</a>. Recovery is usually short, and you go home the same "
            "day.</p>",
            "<h2>Surgical</h2>",
            "<p>Surgical procedures involve cutting and closing the skin, usually with "
            "longer recovery and greater risk. They should be carried out by a "
            "registered surgeon in a regulated setting.</p>",
            "<h2>Why the label is not a safety guarantee</h2>",
            "<p>Some minimally invasive treatments can cause serious problems if they "
            "go wrong; filler placed in a blood vessel is one example. The skill of "
            "the practitioner, the product used and the setting all matter. Treat the "
            "phrase as a description, not a reassurance, and talk to a qualified "
            "clinician about the specific risks of any procedure you are "
            "considering.</p>",
        ),
        "categories": ["procedures-explained"],
        "procedures": [
            "microneedling",
            "dermal-fillers",
            "anti-wrinkle-injections",
            "chemical-peels",
        ],
        "tags": ["downtime", "side-effects"],
        "days_ago": None,
        "is_featured": False,
        "reviewer": None,
        "last_reviewed_days_ago": None,
        "references": [],
        "image": {"palette": "sky", "motif": "dots"},
        "image_alt": (
            "Abstract illustration in pale sky blue with sparse dots along a line, "
            "suggesting a spectrum"
        ),
    },
    # 15
    {
        "title": "At-home rollers and clinic microneedling: what is the difference?",
        "slug": "at-home-rollers-vs-clinic-microneedling",
        "excerpt": (
            "Home derma-rollers look similar to clinic devices, but they differ in "
            "needle depth, hygiene and supervision."
        ),
        "body": _join(
            "<p>Derma-rollers are sold widely for home use, often with bold claims on "
            "the packaging, and it is easy to assume they do the same job as a clinic "
            "treatment. In practice there are important differences, and knowing them "
            "can help you decide where to spend your money and how to protect your "
            "skin.</p>",
            "<h2>Needle depth and purpose</h2>",
            "<p>Home devices generally have much shorter needles and mainly affect the "
            'surface. Clinic <a href="/procedures/microneedling/">microneedling</a> '
            "reaches deeper, with the depth adjusted by a trained practitioner for each "
            "area. It is this deeper, controlled injury that is intended to remodel "
            "scars.</p>",
            "<h2>Hygiene</h2>",
            "<p>Clinic needles should be sterile and single-use, and the skin is "
            "cleansed carefully beforehand. A roller reused at "
            "home can harbour bacteria, and blunted needles may tear rather than "
            "puncture the skin, raising the risk of irritation and infection.</p>",
            "<h2>Assessment and aftercare</h2>",
            "<p>A clinician checks for active acne, infection or skin conditions that "
            "make needling unwise, and can respond if something goes wrong. They can "
            "also pause or change the plan if your skin reacts badly. At home, nobody is "
            "checking, and problems may be noticed late.</p>",
            "<h2>If you still want to try it</h2>",
            "<p>Avoid using a roller over active spots, broken skin or cold sores; "
            "follow the maker's cleaning and replacement advice; and stop if your skin "
            "becomes sore or inflamed. For scarring, talk to a qualified clinician "
            "first, as home devices are unlikely to reach deep enough to make a "
            "meaningful difference. Never share a roller with anyone else, even a "
            "family member.</p>",
        ),
        "categories": ["skin-treatments", "aftercare-safety"],
        "procedures": ["microneedling"],
        "tags": ["acne-scars", "side-effects", "sensitive-skin"],
        "days_ago": 160,
        "is_featured": False,
        "reviewer": None,
        "last_reviewed_days_ago": None,
        "references": [],
        "image": {"palette": "rose", "motif": "grid"},
        "image_alt": (
            "Abstract illustration in muted rose with a small grid of points, "
            "suggesting a hand-held roller pattern"
        ),
    },
]


# ---------------------------------------------------------------------------
# Comments (all on the first post)
# ---------------------------------------------------------------------------

COMMENTS = [
    {
        "key": "c1",
        "parent": None,
        "name": "Priya S.",
        "email": "priya.s@example.com",
        "website": "",
        "body": (
            "Really clear explanation, thank you. I have mostly rolling scars on my "
            "cheeks. Is there any point starting microneedling while I still get the "
            "odd breakout?"
        ),
        "days_ago": 11,
        "status": "approved",
    },
    {
        "key": "c2",
        "parent": "c1",
        "name": "Ellis Marlowe",
        "email": "editor@example.com",
        "website": "",
        "body": (
            "Thanks, Priya. Most clinicians prefer active acne to be well controlled "
            "before needling, because treating over inflamed spots can spread bacteria "
            "and irritate the skin. A dermatologist can advise on getting breakouts "
            "settled first."
        ),
        "days_ago": 11,
        "status": "approved",
        "by_staff": True,
    },
    {
        "key": "c3",
        "parent": "c2",
        "name": "Priya S.",
        "email": "priya.s@example.com",
        "website": "",
        "body": (
            "That makes sense. I'll ask my GP about a referral and hold off booking "
            "anything until my skin is calmer."
        ),
        "days_ago": 10,
        "status": "approved",
    },
    {
        "key": "c4",
        "parent": None,
        "name": "Marcus O.",
        "email": "marcus.o@example.org",
        "website": "",
        "body": (
            "Good to see the point about darker skin. I was told lasers were risky for "
            "me, so it's helpful to understand why needling is often suggested "
            "instead."
        ),
        "days_ago": 9,
        "status": "approved",
    },
    {
        "key": "c5",
        "parent": "c4",
        "name": "Jo W.",
        "email": "jo.w@example.com",
        "website": "",
        "body": ("Same here. My clinic did a small test area first, which put my mind at rest."),
        "days_ago": 8,
        "status": "approved",
    },
    {
        "key": "c6",
        "parent": None,
        "name": "Sam T.",
        "email": "sam.t@example.org",
        "website": "",
        "body": (
            "Does the PRP add much to the cost? The clinic near me quoted a lot more "
            "for the combined treatment."
        ),
        "days_ago": 2,
        "status": "pending",
    },
]


# ---------------------------------------------------------------------------
# Static pages
# ---------------------------------------------------------------------------

PAGES = [
    {
        "title": "About",
        "slug": "about",
        "body": _join(
            "<p>CosMedicList explains cosmetic procedures in plain English. We cover "
            "what treatments involve, what they may and may not achieve, the likely "
            "recovery and the risks, so that readers can go into a consultation with "
            "better questions.</p>",
            "<h2>How we write</h2>",
            "<p>Our articles are written by our editorial team and many are checked by "
            "a clinical reviewer, whose name and the date of review appear on the page. "
            "We aim to be cautious and balanced: we avoid hype, we do not promise "
            "results, and we point to published sources where we can.</p>",
            "<h2>What we are not</h2>",
            "<p>We are not a clinic and we do not sell or recommend individual "
            "practitioners. Nothing on this site is a substitute for a personal "
            "assessment by a qualified clinician.</p>",
            "<h2>Corrections</h2>",
            "<p>If you spot an error, please tell us through the contact page. We review "
            "every report and update articles where needed.</p>",
        ),
    },
    {
        "title": "Privacy Policy",
        "slug": "privacy-policy",
        "body": _join(
            "<p>This policy explains what information CosMedicList collects, why, and "
            "how long we keep it. We try to collect as little as possible.</p>",
            "<h2>Reading the site</h2>",
            "<p>You can read every article without creating an account. We do not use "
            "advertising or analytics trackers, we do not set tracking cookies, and our "
            "pages do not make requests to third-party services such as external font, "
            "script or social media providers. Everything is served from our own "
            "server.</p>",
            "<h2>Comments</h2>",
            "<p>When you leave a comment we store the name, email address, optional "
            "website and message you submit.</p>",
            "<ul>",
            "<li><strong>Your email address is never published.</strong> We use it only "
            "if we need to contact you about your comment.</li>",
            "<li>Your name, website (if given) and comment are shown publicly once approved.</li>",
            "<li>We record the IP address a comment was sent from, solely to help "
            "moderate spam and abuse. IP addresses are purged automatically after 30 "
            "days.</li>",
            "<li>If you reply and ask to be told about answers, we email you when "
            "someone replies; every such email has a link that stops them.</li>",
            "</ul>",
            "<h2>Cookies</h2>",
            "<p>We set no cookies while you read. When you post a comment we set one "
            "signed cookie that lists your own comments, so that you, and only you, can "
            "see them while they wait for moderation. If you tick “Save my name, email, "
            "and website in this browser”, those details are kept in a second cookie in "
            "your browser (and nowhere else) to fill in the form next time; untick the "
            "box or clear your cookies to remove them.</p>",
            "<h2>Your rights</h2>",
            "<p>You can ask us for a copy of the personal information we hold about "
            "you, or ask us to correct or erase it, including removing your comments. "
            "Email <strong>privacy@example.com</strong> from the address you used when "
            "commenting, say whether you want an export or erasure, and we will respond "
            "within one month. If we cannot confirm the request comes from you, we may "
            "ask for a little more information.</p>",
            "<h2>Changes</h2>",
            "<p>If we change this policy we will update this page and note the date of "
            "the change.</p>",
        ),
    },
    {
        "title": "Contact",
        "slug": "contact",
        "body": _join(
            "<p>We welcome questions, corrections and suggestions for new articles.</p>",
            "<h2>Get in touch</h2>",
            "<p>Email us at <strong>contact@example.com</strong>. We read every message, "
            "although we cannot always reply individually.</p>",
            "<h2>Please note</h2>",
            "<ul>",
            "<li>We cannot give personal medical advice or recommend a specific "
            "practitioner. Please talk to a qualified clinician about your own "
            "situation.</li>",
            "<li>If you think you are having a complication after a procedure, contact "
            "the clinic that treated you, your GP or emergency services rather than "
            "emailing us.</li>",
            "<li>For privacy requests, see our Privacy Policy.</li>",
            "</ul>",
        ),
    },
]
