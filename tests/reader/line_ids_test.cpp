// Line ids stay put when the file around them changes: reordered nodes, an edited
// neighbour, an inserted choice. Each case edits a small scenario and compares ids.
#include "frontline/line_ids.hpp"
#include "frontline/reader.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace frontline;

namespace {

const std::string base = R"(id: kettle
title: Kettle
summary: A kettle broke.
customer:
  name: Pat
  persona: A regular.
needs:
  technical: A new kettle.
  personal: To be believed.
debrief:
  - Believe the customer.
  - Fix it first.
start: opening
nodes:
  opening:
    customer:
      - if: mood < 30
        text: "It broke. Again."
      - "My kettle broke after a week."
    notes: Why believe first?
    choices:
      - say: "I'm sorry. Let's get you a new one today."
        technical: 2
        feedback: Both needs.
        next: sorted
      - say: "Did you descale it?"
        feedback: Doubt.
        next: doubted
  doubted:
    customer: "Of course I did."
    choices:
      - say: "Sorry, I'll swap it."
        feedback: Recovered.
        next: sorted
endings:
  sorted:
    outcome: satisfied
    text: Pat leaves with a kettle.
)";

/// id -> text for a scenario that must load cleanly.
std::map<std::string, std::string> ids_of(const std::string& yaml) {
    LoadedScenario loaded = load_scenario_from_bytes(yaml, "kettle.yaml");
    for (const auto& d : loaded.diagnostics.items()) INFO(format_diagnostic(d));
    REQUIRE(loaded.scenario);
    std::map<std::string, std::string> out;
    for (const auto& t : translatable_texts(*loaded.scenario)) out.emplace(t.id, *t.text);
    return out;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the line-id hash is FNV-1a 32 of the text, whitespace collapsed", "[line-ids]") {
    CHECK(line_text_hash("hello") == "9f2cab");  // FNV-1a 32 of "hello" is 0x4f9f2cab
    CHECK(line_text_hash("  a \n\t b ") == line_text_hash("a b"));
    CHECK(line_text_hash("a b") != line_text_hash("ab"));
}

SCENARIO("derived ids follow the documented form", "[line-ids]") {
    auto ids = ids_of(base);
    CHECK(ids.at("scenario.title") == "Kettle");
    CHECK(ids.at("scenario.summary") == "A kettle broke.");
    CHECK(ids.at("customer.persona") == "A regular.");
    CHECK(ids.at("needs.technical") == "A new kettle.");
    CHECK(ids.at("needs.personal") == "To be believed.");
    CHECK(ids.at("debrief." + line_text_hash("Fix it first.")) == "Fix it first.");
    CHECK(ids.at("opening.customer." + line_text_hash("My kettle broke after a week.")) ==
          "My kettle broke after a week.");
    CHECK(ids.at("opening.say." + line_text_hash("Did you descale it?")) == "Did you descale it?");
    CHECK(ids.at("opening.feedback." + line_text_hash("Doubt.")) == "Doubt.");
    CHECK(ids.at("opening.notes") == "Why believe first?");
    CHECK(ids.at("sorted.ending") == "Pat leaves with a kettle.");
    CHECK(ids.size() == 18);
}

SCENARIO("ids survive edits elsewhere in the file", "[line-ids]") {
    const auto before = ids_of(base);

    WHEN("the nodes are reordered") {
        std::string opening = base.substr(base.find("  opening:"), base.find("  doubted:") - base.find("  opening:"));
        std::string doubted = base.substr(base.find("  doubted:"), base.find("endings:") - base.find("  doubted:"));
        std::string swapped = replaced(base, opening + doubted, doubted + opening);
        THEN("every id names the same text") { CHECK(ids_of(swapped) == before); }
    }
    WHEN("the choices of a node are reordered") {
        std::string a =
            "      - say: \"I'm sorry. Let's get you a new one today.\"\n        technical: 2\n        feedback: Both "
            "needs.\n        next: sorted\n";
        std::string b = "      - say: \"Did you descale it?\"\n        feedback: Doubt.\n        next: doubted\n";
        THEN("every id names the same text") { CHECK(ids_of(replaced(base, a + b, b + a)) == before); }
    }
    WHEN("a neighbouring line is edited") {
        auto after = ids_of(replaced(base, "Did you descale it?", "Have you descaled it?"));
        THEN("only the edited line's id changes") {
            for (const auto& [id, text] : before) {
                if (text == "Did you descale it?") CHECK_FALSE(after.count(id));
                else CHECK(after.at(id) == text);
            }
            CHECK(after.count("opening.say." + line_text_hash("Have you descaled it?")));
        }
    }
    WHEN("a choice is inserted") {
        auto after = ids_of(replaced(
            base, "    choices:\n      - say: \"I'm sorry.",
            "    choices:\n      - say: \"Let me check that.\"\n        next: sorted\n      - say: \"I'm sorry."));
        THEN("the old ids are kept and one is added") {
            for (const auto& [id, text] : before) CHECK(after.at(id) == text);
            CHECK(after.size() == before.size() + 1);
        }
    }
    WHEN("a folded text is re-wrapped") {
        auto after = ids_of(replaced(base, "  - Fix it first.", "  - >-\n    Fix it\n    first."));
        THEN("its id is the same") { CHECK(after == before); }
    }
}

SCENARIO("repeats and explicit ids", "[line-ids]") {
    GIVEN("a node with the same customer text twice") {
        auto ids = ids_of(replaced(base, "\"It broke. Again.\"", "\"My kettle broke after a week.\""));
        std::string first = "opening.customer." + line_text_hash("My kettle broke after a week.");
        THEN("the second gets -2") {
            CHECK(ids.count(first));
            CHECK(ids.count(first + "-2"));
        }
    }
    GIVEN("a choice and a customer line with explicit ids") {
        std::string yaml = replaced(base, "      - say: \"Did you descale it?\"",
                                    "      - id: descale\n        say: \"Did you descale it?\"");
        yaml = replaced(yaml, "      - if: mood < 30\n", "      - id: opening.angry\n        if: mood < 30\n");
        auto ids = ids_of(yaml);
        THEN("they are used, and the feedback follows the choice's id") {
            CHECK(ids.at("descale") == "Did you descale it?");
            CHECK(ids.at("descale.feedback") == "Doubt.");
            CHECK(ids.at("opening.angry") == "It broke. Again.");
        }
        AND_WHEN("the text under an explicit id is edited") {
            auto edited = ids_of(replaced(yaml, "Did you descale it?", "Have you descaled it?"));
            THEN("the id is kept") { CHECK(edited.at("descale") == "Have you descaled it?"); }
        }
    }
    GIVEN("an explicit id with a space in it") {
        LoadedScenario loaded = load_scenario_from_bytes(
            replaced(base, "      - say: \"Did you", "      - id: not valid\n        say: \"Did you"), "k.yaml");
        THEN("it is an FL015 at the id") {
            REQUIRE(loaded.diagnostics.items().size() == 1);
            CHECK(loaded.diagnostics.items()[0].code == "FL015");
            CHECK(loaded.diagnostics.items()[0].pos == SourcePos{26, 13});
        }
    }
    GIVEN("an explicit id equal to another text's derived id") {
        std::string derived = "doubted.customer." + line_text_hash("Of course I did.");
        LoadedScenario loaded = load_scenario_from_bytes(
            replaced(base, "      - say: \"Did you", "      - id: " + derived + "\n        say: \"Did you"), "k.yaml");
        THEN("it is an FL024") {
            REQUIRE(loaded.diagnostics.items().size() == 1);
            CHECK(loaded.diagnostics.items()[0].code == "FL024");
        }
    }
}

TEST_CASE("every bundled scenario has unique line ids", "[line-ids]") {
    std::vector<std::string> missing;
    auto files = find_scenario_files({FRONTLINE_SCENARIOS_DIR}, missing);
    REQUIRE(files.size() >= 2);
    for (const auto& f : files) {
        INFO(f.string());
        LoadedScenario loaded = load_scenario(f);
        REQUIRE(loaded.scenario);
        DiagnosticList diags;
        check_line_ids(*loaded.scenario, diags);
        CHECK(diags.items().empty());
        for (const auto& t : translatable_texts(*loaded.scenario)) CHECK_FALSE(t.id.empty());
    }
}
