// A class vote from phones: the facilitator starts a class-vote workshop with
// phones on loopback, phones join and vote through real HTTP, the facilitator
// locks, reveals and applies their split, and the story and the store follow it.
#include "gui_support.hpp"

#include <SDL.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

using namespace frontline;
using namespace frontline::game;
using namespace frontline::game::test;
using json = nlohmann::json;

namespace {

struct Phone {
    explicit Phone(int port) : http("127.0.0.1", port) { http.set_read_timeout(10, 0); }
    httplib::Client http;
    std::string token;
    int join(const std::string& code) {
        auto r = http.Post("/api/join", json{{"code", code}, {"nickname", ""}}.dump(), "application/json");
        REQUIRE(r);
        if (r->status == 200) token = json::parse(r->body).at("token");
        return r->status;
    }
    int vote(uint64_t turn, int option) {
        auto r = http.Post("/api/vote", json{{"token", token}, {"turn", turn}, {"option", option}}.dump(),
                           "application/json");
        REQUIRE(r);
        return r->status;
    }
    json state() {
        auto r = http.Get(("/api/state?token=" + token + "&since=0").c_str());
        REQUIRE(r);
        REQUIRE(r->status == 200);
        return json::parse(r->body);
    }
};

GameOptions with_phone_page() {
    GameOptions o = bundled();
    o.asset_dirs = {FRONTLINE_SOURCE_ASSETS};
    return o;
}

void start_class_vote_with_phones(ScriptedGame& game) {
    GameState& g = game.game();
    click(game, "workshop");
    click(game, "class vote");
    click(game, "phones");
    click(game, "queue " + std::to_string(index_of(g, "cold-meal")));
    click(game, "start workshop");
    REQUIRE(g.screen == Screen::workshop);
}

}  // namespace

SCENARIO("a class vote from phones: join, vote, lock, reveal, use the split") {
    const auto dir = std::filesystem::path(FRONTLINE_TEST_TMP) / "gui-phones";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    GameOptions o = with_phone_page();
    o.results_data = (dir / "results.db").string();
    auto game = start_game(o);
    GameState& g = game->game();
    g.phone_options.bind = "127.0.0.1";  // this computer only
    start_class_vote_with_phones(*game);
    REQUIRE(g.phones);
    INFO(g.phones->error);
    REQUIRE(g.phones->server);
    const int port = g.phones->server->port();
    game->frames(2);
    for (const char* w : {"join address", "room code", "qr code", "phones joined"}) {
        INFO(w << "; widgets: " << widgets_of(game->ui()));
        CHECK(game->has(w));
    }
    CHECK(g.phones->join_address == "http://127.0.0.1:" + std::to_string(port) + "/#" + g.phones->code);
    REQUIRE(g.phones->qr);
    CHECK(game->has("votes 1"));                                                          // typed votes stay on offer
    game->screenshot(std::filesystem::path(FRONTLINE_TEST_TMP) / "workshop-phones.png");  // for a human to look at

    std::vector<std::unique_ptr<Phone>> phones;
    for (int i = 0; i < 5; ++i) {
        phones.push_back(std::make_unique<Phone>(port));
        REQUIRE(phones.back()->join(g.phones->code) == 200);
    }
    json st = phones[0]->state();
    REQUIRE(st.at("state") == "open");
    // The phones see the decision on screen, its options in the projector's order.
    const Runner& call = g.workshop->call();
    const std::vector<int> shown = call.presented();
    REQUIRE(st.at("options").size() == shown.size());
    for (size_t k = 0; k < shown.size(); ++k)
        CHECK(st.at("options")[k] == call.node()->choices[static_cast<size_t>(shown[k])].say);
    const uint64_t turn = st.at("turn");

    // Two for the first option, three for the second.
    SDL_FlushEvent(SDL_USEREVENT);
    for (int i = 0; i < 5; ++i) REQUIRE(phones[static_cast<size_t>(i)]->vote(turn, i < 2 ? 1 : 2) == 200);
    THEN("each vote wakes the loop with an SDL event") {
        SDL_PumpEvents();
        CHECK(SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, SDL_USEREVENT, SDL_USEREVENT) > 0);
    }
    game->frames(1);
    CHECK(g.phones->phones == 5);
    CHECK(g.phones->voters == 5);
    CHECK(game->has("lock phones"));
    CHECK_FALSE(game->has("phone split"));  // the count stays hidden until the reveal

    click(*game, "lock phones");
    CHECK(g.phones->state == phones::VoteState::locked);
    CHECK(phones[0]->vote(turn, 3) == 409);  // locked: no more changes

    click(*game, "reveal phones");
    CHECK(g.phones->state == phones::VoteState::revealed);
    REQUIRE(game->has("phone split"));
    CHECK(phones[0]->state().at("split")[1] == 3);

    const int majority = shown[1];
    click(*game, "use phone votes");
    REQUIRE(g.workshop->record().steps.size() == 1);
    std::vector<int> expected(shown.size(), 0);
    expected[0] = 2;
    expected[1] = 3;
    THEN("the story follows the majority and the split is saved like typed votes") {
        CHECK(g.workshop->record().steps[0].votes == expected);
        REQUIRE(!g.workshop->call().path().empty());
        CHECK(g.workshop->call().path()[0] == majority);
        auto saved = g.results.store->workshop(*g.results.workshop);
        REQUIRE(saved);
        REQUIRE(saved->steps.size() == 1);
        CHECK(saved->steps[0].votes == expected);
    }
    THEN("the next decision opens on the phones") {
        game->frames(1);
        if (!g.workshop->call().finished()) {
            json next = phones[0]->state();
            CHECK(next.at("state") == "open");
            CHECK(next.at("turn") != turn);
        }
    }
    THEN("leaving the workshop stops the server") {
        game->scroll("facilitator panel", -10);  // the phones' controls come first in the panel
        game->frames(2);
        click(*game, "library");
        CHECK_FALSE(g.phones);
        httplib::Client c("127.0.0.1", port);
        c.set_connection_timeout(1, 0);
        CHECK_FALSE(c.Get("/"));
    }
}

SCENARIO("a class vote whose phone port is taken goes on with typed votes") {
    auto game = start_game(with_phone_page());
    GameState& g = game->game();
    httplib::Server squatter;
    const int taken = squatter.bind_to_any_port("127.0.0.1");
    REQUIRE(taken > 0);
    g.phone_options.bind = "127.0.0.1";
    g.phone_options.port = taken;
    start_class_vote_with_phones(*game);
    REQUIRE(g.phones);
    CHECK_FALSE(g.phones->server);
    CHECK(g.phones->error.find("in use") != std::string::npos);
    game->frames(2);
    CHECK(game->has("phones off"));
    REQUIRE(game->type_into("votes 1", "4"));
    game->frames(2);
    click(*game, "proceed");
    CHECK(g.workshop->record().steps.size() == 1);
}
