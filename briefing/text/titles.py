"""The words of a person's title ("Russian Foreign Minister", "Senior Airman", "Republican
Sen."): what text/people reads as a role before a name, and never as part of the name."""

# Words that make up titles. A role is the longest run of these (with countries, their
# demonyms and abbreviations such as "U.S." or "ROK") right before a name.
TITLE_HEADS = {
    "minister", "secretary", "president", "spokesperson", "spokesman", "spokeswoman", "ambassador",
    "envoy", "leader", "chairman", "chairwoman", "chair", "chief", "general", "admiral", "commander",
    "director", "governor", "mayor", "senator", "chancellor", "king", "queen", "premier", "official",
    "diplomat", "representative", "adviser", "advisor", "head", "prince", "emperor", "dictator",
    "congressman", "congresswoman", "lawmaker", "judge", "prosecutor", "professor", "analyst", "chancellor",
    "ceo", "founder", "officer", "colonel", "captain", "lieutenant", "sergeant", "marshal", "pope", "speaker",
    "attorney", "commissioner", "superintendent", "inspector", "detective", "sheriff", "councilman",
    "councilwoman", "alderman", "delegate", "treasurer", "comptroller", "magistrate", "bishop", "cardinal",
    "rabbi", "imam", "reverend", "pastor", "spokesmen",
}
# A party's member written before a name ("Ranking Democrat Sander Levin", "Republican Sen.
# John Smith"): what the person is, like a title, not part of the name.
AFFILIATIONS = {"democrat", "republican", "tory", "labour", "conservative", "liberal", "socialist", "communist"}
# Military ranks besides those above: a rank before a name is a title, not a given name
# ("Senior Airman Ivan Cooper" is Ivan Cooper).
RANKS = {"airman", "seaman", "corporal", "brigadier", "commodore", "ensign", "major"}
TITLE_WORDS = TITLE_HEADS | RANKS | {
    "foreign", "defense", "defence", "prime", "vice", "deputy", "state", "interior", "finance",
    "trade", "national", "security", "senior", "acting", "former", "top", "presidential", "supreme",
    "first", "assistant", "under", "executive", "affairs", "economy", "justice", "health", "press",
    "white", "house", "military", "party", "special", "permanent", "chief", "of", "for", "the",
    "army", "navy", "air", "force", "staff", "joint", "central", "committee", "cabinet", "government",
    "ministry", "department", "spy", "intelligence", "general", "federal", "regional", "opposition",
}
