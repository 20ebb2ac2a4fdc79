// The game's own interface in French: the text that reaches the frame, switching at
// once from the settings, the note on a call that has no translation, and French's
// longer labels inside the window at 1280x720 and 150%.
#include "gui_support.hpp"

#include "i18n.hpp"

using namespace frontline;
using namespace frontline::game;
using namespace frontline::game::test;

namespace {

GameOptions bundled_with_assets() {
    GameOptions o = bundled();
    o.asset_dirs = {FRONTLINE_SOURCE_ASSETS};
    o.no_shuffle = true;
    return o;
}

/// The assets folder has no sounds; muted, the customer's voice makes nothing either.
Settings quiet() {
    Settings s;
    s.voice_volume_percent = 0;
    return s;
}

Settings french(int scale = 100) {
    Settings s = quiet();
    s.language = "fr";
    s.ui_scale_percent = scale;
    return s;
}

bool shows(ScriptedGame& game, const std::string& text) { return game.frame_text().find(text) != std::string::npos; }

/// Every remembered widget of the frame lies inside the window (clickable, not cut off).
void check_inside(ScriptedGame& game, int width, int height) {
    for (const auto& [name, r] : game.ui().widgets) {
        INFO("widget '" << name << "' at " << r.min.x << "," << r.min.y << " - " << r.max.x << "," << r.max.y);
        CHECK(r.min.x >= 0);
        CHECK(r.max.x <= static_cast<float>(width) + 0.5f);
        CHECK(r.min.y <= static_cast<float>(height));
    }
}

}  // namespace

SCENARIO("the interface is in French when the language setting says so") {
    GIVEN("the bundled library, French in the settings") {
        auto game = start_game(bundled_with_assets(), 1280, 720, french());
        GameState& g = game->game();
        const std::string text = game->frame_text();
        INFO(text);
        THEN("the library's heading, buttons and cards are French, with French typography") {
            CHECK(text.find("Choisissez un appel") != std::string::npos);
            CHECK(text.find("Réglages (F2)") != std::string::npos);
            CHECK(text.find("Animer un atelier") != std::string::npos);
            CHECK(text.find("S\u2019entraîner (F)\u00a0:") != std::string::npos);
            CHECK(text.find("Choose a call to take") == std::string::npos);
        }
        WHEN("a call with a French translation is taken") {
            const int cold = index_of(g, "cold-meal");
            REQUIRE(cold >= 0);
            scroll_library_to(*game, "card " + std::to_string(cold));
            click(*game, "card " + std::to_string(cold));
            REQUIRE(g.screen == Screen::briefing);
            CHECK(shows(*game, "Prendre l\u2019appel (Entrée)"));
            CHECK_FALSE(shows(*game, "n\u2019est pas traduit"));
            click(*game, "start");
            REQUIRE(g.screen == Screen::call);
            const std::string call = game->frame_text();
            INFO(call);
            THEN("the call's labels are French around the scenario's French text") {
                CHECK(call.find("QUE RÉPONDEZ-VOUS\u00a0?") != std::string::npos);
                CHECK(call.find("Quitter l\u2019appel") != std::string::npos);
                CHECK(call.find("Besoin relationnel") != std::string::npos);
            }
            AND_WHEN("the call ends") {
                for (int choice : planned_path(library_entry(g, cold).scenario(), Need::personal))
                    press_choice(*game, visible_number(g.call->runner, choice));
                REQUIRE(g.screen == Screen::debrief);
                const std::string debrief = game->frame_text();
                INFO(debrief);
                THEN("the debrief's verdict and sections are French") {
                    bool verdict = false;
                    for (const char* q :
                         {"Service exemplaire", "Problème réglé, client perdu", "Client fidélisé", "Simple mortel"})
                        verdict = verdict || debrief.find(q) != std::string::npos;
                    CHECK(verdict);
                    CHECK(debrief.find("Recommencer (R)") != std::string::npos);
                    CHECK(debrief.find("CE DONT LE CLIENT AVAIT BESOIN") != std::string::npos);
                }
            }
        }
        WHEN("a call without a French translation is opened") {
            const int late = index_of(g, "late-checkout");
            REQUIRE(late >= 0);
            REQUIRE(library_entry(g, late).untranslated);
            scroll_library_to(*game, "card " + std::to_string(late));
            click(*game, "card " + std::to_string(late));
            THEN("the briefing says it is played as written, in French") {
                CHECK(shows(*game, "Cet appel n\u2019est pas traduit (Français)"));
            }
        }
    }
}

SCENARIO("switching the language in the settings changes the interface at once") {
    auto game = start_game(bundled_with_assets(), 1280, 720, quiet());
    GameState& g = game->game();
    REQUIRE(shows(*game, "Choose a call to take"));
    WHEN("French is picked in the settings") {
        game->press(SDL_SCANCODE_F2);
        REQUIRE(g.screen == Screen::settings);
        const std::string settings = game->frame_text();
        INFO(settings);
        CHECK(settings.find("Language (the game and the calls)") != std::string::npos);
        CHECK(settings.find("Français") != std::string::npos);
        click(*game, "language fr");
        THEN("the next frame is French, and English comes back as quickly") {
            CHECK(g.settings.language == "fr");
            CHECK(interface_language() == "fr");
            CHECK(shows(*game, "Langue (du jeu et des appels)"));
            CHECK(game->has("done"));  // the same widgets, whatever their labels say
            click(*game, "language as written");
            CHECK(shows(*game, "Language (the game and the calls)"));
        }
    }
    WHEN("French is picked during a call") {
        const int cold = index_of(g, "cold-meal");
        scroll_library_to(*game, "card " + std::to_string(cold));
        click(*game, "card " + std::to_string(cold));
        click(*game, "start");
        REQUIRE(g.screen == Screen::call);
        const std::string before = g.call->runner.transcript().back().text;
        game->press(SDL_SCANCODE_F2);
        click(*game, "language fr");
        game->press(SDL_SCANCODE_ESCAPE);
        REQUIRE(g.screen == Screen::call);
        THEN("the interface changes now; the customer's words wait for the next call") {
            CHECK(shows(*game, "Quitter l\u2019appel"));
            CHECK(g.call->runner.transcript().back().text == before);
        }
    }
}

SCENARIO("French labels fit at 1280x720, at 100% and at 150%") {
    for (int scale : {100, 150}) {
        GIVEN("French at " + std::to_string(scale) + "%") {
            auto game = start_game(bundled_with_assets(), 1280, 720, french(scale));
            GameState& g = game->game();
            const auto shot = [&](const std::string& screen) {
                game->screenshot(std::filesystem::path(FRONTLINE_TEST_TMP) /
                                 ("fr-" + std::to_string(scale) + "-" + screen + ".png"));
            };
            THEN("every button of the library, briefing, call, debrief and settings is inside the window") {
                game->frames(2);
                shot("library");
                check_inside(*game, 1280, 720);
                click(*game, "workshop");  // the facilitator's set-up: the longest rows of buttons
                REQUIRE(g.screen == Screen::workshop_setup);
                click(*game, "class vote");
                game->frames(2);
                shot("workshop-setup");
                check_inside(*game, 1280, 720);
                click(*game, "library");
                REQUIRE(g.screen == Screen::library);
                const int cold = index_of(g, "cold-meal");
                scroll_library_to(*game, "card " + std::to_string(cold));
                click(*game, "card " + std::to_string(cold));
                shot("briefing");
                check_inside(*game, 1280, 720);
                click(*game, "start");
                shot("call");
                check_inside(*game, 1280, 720);
                for (int choice : planned_path(library_entry(g, cold).scenario(), Need::personal))
                    press_choice(*game, visible_number(g.call->runner, choice));
                REQUIRE(g.screen == Screen::debrief);
                shot("debrief");
                check_inside(*game, 1280, 720);
                game->press(SDL_SCANCODE_F2);
                game->frames(2);
                shot("settings");
                check_inside(*game, 1280, 720);
            }
        }
    }
}

SCENARIO("the interface catalogue's plural rule picks the French forms") {
    std::vector<std::string> errors;
    bool found = false;
    Catalogue c = load_interface_catalogue({FRONTLINE_SOURCE_ASSETS}, "fr", errors, &found);
    REQUIRE(found);
    CHECK(errors.empty());
    CHECK(c.plural_index(0) == 0);  // French: 0 and 1 are singular
    CHECK(c.plural_index(1) == 0);
    CHECK(c.plural_index(2) == 1);
    CHECK(c.ui_n("%d choice", "%d choices", 0) == "%d choix");
    CHECK(c.ui_n("%lu finished call", "%lu finished calls", 1) == "%lu appel terminé");
    CHECK(c.ui_n("%lu finished call", "%lu finished calls", 3) == "%lu appels terminés");
    CHECK(load_interface_catalogue({FRONTLINE_SOURCE_ASSETS}, "xx", errors, &found).empty());
    CHECK_FALSE(found);
}
