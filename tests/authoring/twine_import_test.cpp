// Twine import: Twee 3 and Twine 2 HTML, written here, converted and checked.
#include "frontline/twine_import.hpp"

#include "frontline/reader.hpp"

#include <catch2/catch.hpp>

using namespace frontline;

namespace {

const std::string twee = R"(:: StoryTitle
The Kettle

:: StoryData
{"ifid": "D674C58C-DEFA-4F70-B7A2-27742230C0FC", "format": "Harlowe", "start": "Hello there"}

:: Hello there [start] {"position":"100,100"}
"It's broken. I want my money back."

[[Sorry to hear that. What happened?->What happened]]
[[Receipt?|Receipt]]
[[Refund<-Refund it now]]

:: What happened
"Steam everywhere." (if: $angry)[She glares.]
* [[Let me sort that.->Refund]]

:: Receipt
"In the bin. Calling me a liar?"
[[No receipt, no refund.->Complaint]]

:: Refund [delighted]
She leaves with her money.

:: Complaint [complaint]
She asks for the "manager" \ now.

:: Script [script]
window.alert(1);
)";

std::vector<std::string> codes_of(const DiagnosticList& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(d.code);
    return out;
}

}  // namespace

SCENARIO("a Twee 3 story becomes a scenario that passes check") {
    GIVEN("a story with every link form, tags, StoryData and a script passage") {
        DiagnosticList diags("kettle.twee");
        TwineImport result = import_twine(twee, "kettle.yaml", diags);
        for (const auto& d : diags.items()) UNSCOPED_INFO(format_diagnostic(d));
        for (const auto& d : result.check.items()) UNSCOPED_INFO(format_diagnostic(d));
        THEN("passages with links are nodes, the others endings with outcomes from their tags") {
            REQUIRE_FALSE(result.yaml.empty());
            CHECK(result.nodes == 3);
            CHECK(result.endings == 2);
            CHECK(result.choices == 5);
            LoadedScenario loaded = load_scenario_from_bytes(result.yaml, "kettle.yaml");
            REQUIRE(loaded.scenario);
            const Scenario& s = *loaded.scenario;
            CHECK(s.title == "The Kettle");
            CHECK(s.node(s.start).id == "Hello_there");
            CHECK(s.nodes[0].customer[0].text == "\"It's broken. I want my money back.\"");
            CHECK(s.nodes[0].choices[0].say == "Sorry to hear that. What happened?");
            CHECK(s.nodes[0].choices[1].next_name == "Receipt");
            CHECK(s.nodes[0].choices[2].say == "Refund it now");
            CHECK(s.nodes[0].choices[2].next_name == "Refund");
            CHECK(s.endings[s.find_ending("Complaint")].outcome == Outcome::complaint);
            CHECK(s.endings[s.find_ending("Complaint")].text == "She asks for the \"manager\" \\ now.");
        }
        THEN("unknown markup is kept with a warning at its line, the script passage is skipped") {
            CHECK(codes_of(diags) == std::vector<std::string>{"FL092", "FL093"});
            CHECK(diags.items()[0].pos.line == 15);
            CHECK_FALSE(result.check.has_errors());
        }
    }
    GIVEN("a link to a passage that does not exist") {
        DiagnosticList diags("broken.twee");
        TwineImport result = import_twine(":: Start\nHi.\n[[Go->Nowhere]]\n\n:: End\nBye.\n", "out.yaml", diags);
        THEN("nothing is produced and the link's line is given") {
            CHECK(result.yaml.empty());
            REQUIRE(diags.items().size() == 1);
            CHECK(diags.items()[0].code == "FL091");
            CHECK(diags.items()[0].pos.line == 3);
        }
    }
    GIVEN("malformed headers and duplicate names") {
        DiagnosticList diags("bad.twee");
        import_twine(":: Start [tag\nHi.\n:: \nx\n:: A\n[[A]]\n:: A\nagain\n", "out.yaml", diags);
        THEN("each is reported with its line") {
            REQUIRE(diags.items().size() >= 3);
            CHECK(diags.items()[0].code == "FL090");
            CHECK(diags.items()[0].pos.line == 1);
            CHECK(diags.items()[1].code == "FL090");
            CHECK(diags.items()[1].pos.line == 3);
            CHECK(diags.items()[2].code == "FL095");
            CHECK(diags.items()[2].pos.line == 7);
        }
    }
    GIVEN("no passages at all") {
        DiagnosticList diags("empty.twee");
        CHECK(import_twine("just prose\n", "out.yaml", diags).yaml.empty());
        CHECK(codes_of(diags) == std::vector<std::string>{"FL099"});
    }
}

SCENARIO("a Twine 2 published story becomes a scenario") {
    GIVEN("HTML with entities in names and text, and a start node") {
        const std::string html = R"(<!DOCTYPE html><html><body>
<tw-storydata name="Kettle &amp; Co" startnode="2" ifid="D674C58C-DEFA-4F70-B7A2-27742230C0FC" format="Harlowe">
<style role="stylesheet" id="twine-user-stylesheet" type="text/twine-css"></style>
<tw-passagedata pid="1" name="Done" tags="satisfied" position="1,1">Money back &amp; a smile &#x263A;.</tw-passagedata>
<tw-passagedata pid="2" name="Start" tags="" position="2,2">&quot;It&#39;s broken.&quot;
[[Refund it-&gt;Done]]</tw-passagedata>
</tw-storydata></body></html>)";
        DiagnosticList diags("kettle.html");
        TwineImport result = import_twine(html, "kettle.yaml", diags);
        THEN("entities are decoded and the start node is the start") {
            REQUIRE_FALSE(result.yaml.empty());
            CHECK(diags.items().empty());
            LoadedScenario loaded = load_scenario_from_bytes(result.yaml, "kettle.yaml");
            REQUIRE(loaded.scenario);
            const Scenario& s = *loaded.scenario;
            CHECK(s.title == "Kettle & Co");
            CHECK(s.id == "kettle-co");
            CHECK(s.node(s.start).customer[0].text == "\"It's broken.\"");
            CHECK(s.nodes[0].choices[0].say == "Refund it");
            CHECK(s.endings[0].text == "Money back & a smile \xE2\x98\xBA.");
            CHECK(s.endings[0].outcome == Outcome::satisfied);
        }
    }
    GIVEN("HTML without a story, and a passage that is never closed") {
        DiagnosticList none("page.html"), open("open.html");
        CHECK(import_twine("<html><body>hello</body></html>", "out.yaml", none).yaml.empty());
        CHECK(codes_of(none) == std::vector<std::string>{"FL097"});
        CHECK(import_twine("<tw-storydata name=\"x\">\n<tw-passagedata pid=\"1\" name=\"a\">text\n</tw-storydata>", "out.yaml", open).yaml.empty());
        REQUIRE(codes_of(open) == std::vector<std::string>{"FL097"});
        CHECK(open.items()[0].pos.line == 2);
    }
}

SCENARIO("a story that is not UTF-8 is refused as such, not converted into YAML the check refuses") {
    // Found by fuzzing (tests/authoring/data/invalid-utf8-story.html): a name byte 0xE5 alone.
    DiagnosticList diags("story.html");
    TwineImport result = import_twine(
        "<tw-storydata name=\"K\xE5ttle\">\n<tw-passagedata pid=\"1\" name=\"Start\">Hi [[End]]"
        "</tw-passagedata><tw-passagedata pid=\"2\" name=\"End\">Bye.</tw-passagedata></tw-storydata>",
        "out.yaml", diags);
    CHECK(result.yaml.empty());
    REQUIRE(codes_of(diags) == std::vector<std::string>{"FL002"});
    CHECK(diags.items()[0].pos == SourcePos{1, 22});
}

SCENARIO("YAML quoting survives any text") {
    CHECK(yaml_quote("plain") == "\"plain\"");
    CHECK(yaml_quote("a \"b\" \\ c\nd\te\x01") == "\"a \\\"b\\\" \\\\ c\\nd\\te\\x01\"");
}

SCENARIO("links to the web are kept as text, not choices") {
    GIVEN("a passage with a URL link on its own line and one inside a sentence, in both formats of link") {
        const std::string story =
            ":: Start\n"
            "\"Read the terms at [[our site->https://example.com/terms]] first.\"\n"
            "[[Write to us|mailto:help@example.com]]\n"
            "[[HTTP://EXAMPLE.COM]]\n"
            "[[Sorry about that.->Done]]\n"
            "\n"
            ":: Done [satisfied]\n"
            "Fine. See [[the FAQ|https://example.com/faq]].\n";
        DiagnosticList diags("web.twee");
        TwineImport result = import_twine(story, "web.yaml", diags);
        for (const auto& d : diags.items()) UNSCOPED_INFO(format_diagnostic(d));
        THEN("the import succeeds with a warning at each web link") {
            REQUIRE_FALSE(result.yaml.empty());
            CHECK(codes_of(diags) == std::vector<std::string>{"FL089", "FL089", "FL089", "FL089"});
            CHECK(diags.items()[0].severity == Severity::warning);
            CHECK(diags.items()[0].pos.line == 2);
            CHECK(diags.items()[0].pos.column == 20);
            CHECK(diags.items()[1].pos.line == 3);
            CHECK(diags.items()[3].pos.line == 8);
            CHECK(diags.items()[1].message.find("mailto:help@example.com") != std::string::npos);
            CHECK_FALSE(result.check.has_errors());
        }
        THEN(
            "only the passage link is a choice; the web links stay in the words, and a passage with only web links is "
            "an ending") {
            CHECK(result.nodes == 1);
            CHECK(result.endings == 1);
            CHECK(result.choices == 1);
            LoadedScenario loaded = load_scenario_from_bytes(result.yaml, "web.yaml");
            REQUIRE(loaded.scenario);
            const Scenario& s = *loaded.scenario;
            REQUIRE(s.nodes[0].choices.size() == 1);
            CHECK(s.nodes[0].choices[0].say == "Sorry about that.");
            CHECK(s.nodes[0].customer[0].text ==
                  "\"Read the terms at our site (https://example.com/terms) first.\"\n"
                  "Write to us (mailto:help@example.com)\nHTTP://EXAMPLE.COM");
            CHECK(s.endings[0].text == "Fine. See the FAQ (https://example.com/faq).");
        }
    }
    GIVEN("a start passage whose only link goes to the web") {
        DiagnosticList diags("only.twee");
        TwineImport result = import_twine(":: Start\nHi. [[Docs|https://example.com]]\n", "out.yaml", diags);
        THEN("it is an error as for a start with no links, since the call could not go on") {
            CHECK(result.yaml.empty());
            CHECK(codes_of(diags) ==
                  std::vector<std::string>{"FL096", "FL089"});  // by position: the passage, then its link
        }
    }
    CHECK(is_url_link({"x", "https://a", {}}));
    CHECK(is_url_link({"x", "Mailto:a@b", {}}));
    CHECK_FALSE(is_url_link({"x", "http", {}}));
    CHECK_FALSE(is_url_link({"x", "Start", {}}));
}
