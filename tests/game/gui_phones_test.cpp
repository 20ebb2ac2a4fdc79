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
    int join(const std::string& code, const std::string& nickname = "") {
        auto r = http.Post("/api/join", json{{"code", code}, {"nickname", nickname}}.dump(), "application/json");
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
    int pick_team(int team) {
        auto r = http.Post("/api/team", json{{"token", token}, {"team", team}}.dump(), "application/json");
        REQUIRE(r);
        return r->status;
    }
    /// A vote's full answer (status and body), for what a refused phone is told.
    std::pair<int, json> vote_answer(uint64_t turn, int option) {
        auto r = http.Post("/api/vote", json{{"token", token}, {"turn", turn}, {"option", option}}.dump(),
                           "application/json");
        REQUIRE(r);
        return {r->status, json::parse(r->body)};
    }
    int state_status() {
        auto r = http.Get(("/api/state?token=" + token + "&since=0").c_str());
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
    // 1280x720 at the workshop's 150 %: the timer row and the phones' controls all on screen.
    REQUIRE(g.settings.ui_scale_percent >= 150);
    for (const char* w : {"join address", "room code", "qr code", "phones joined", "timer", "pause", "library",
                          "lock phones", "reveal phones"}) {
        INFO(w << "; widgets: " << widgets_of(game->ui()));
        CHECK(game->has(w));
    }
    // The folded list of phones sits at the fold: on screen or one scroll away, depending
    // on how long the join address is (its port and code vary from run to run).
    scroll_to(*game, "facilitator panel", "phone list");
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
        click(*game, "library");  // under the timer, above the phones
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

SCENARIO("two teams in hot seat with phones: each phone picks its team, the team on the seat decides") {
    const auto dir = std::filesystem::path(FRONTLINE_TEST_TMP) / "gui-phones-teams";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    GameOptions o = with_phone_page();
    o.results_data = (dir / "results.db").string();
    auto game = start_game(o);
    GameState& g = game->game();
    g.phone_options.bind = "127.0.0.1";
    click(*game, "workshop");
    click(*game, "fewer teams");  // 3 -> 2
    click(*game, "phones");
    click(*game, "queue " + std::to_string(index_of(g, "cold-meal")));
    click(*game, "start workshop");
    REQUIRE(g.screen == Screen::workshop);
    REQUIRE(g.workshop->style() == WorkshopStyle::hot_seat);
    REQUIRE(g.phones);
    INFO(g.phones->error);
    REQUIRE(g.phones->server);
    REQUIRE(g.phones->team_names == std::vector<std::string>{"Team A", "Team B"});
    const int port = g.phones->server->port();

    // Two phones for Team A, one for Team B, one that has not picked yet.
    std::vector<std::unique_ptr<Phone>> phones;
    for (int i = 0; i < 4; ++i) {
        phones.push_back(std::make_unique<Phone>(port));
        REQUIRE(phones.back()->join(g.phones->code) == 200);
    }
    Phone &a1 = *phones[0], &a2 = *phones[1], &b1 = *phones[2], &undecided = *phones[3];
    REQUIRE(a1.pick_team(0) == 200);
    REQUIRE(a2.pick_team(0) == 200);
    REQUIRE(b1.pick_team(1) == 200);
    game->frames(1);
    CHECK(g.phones->team_phones == std::vector<size_t>{2, 1, 1});
    CHECK(game->has("phones per team"));
    game->screenshot(std::filesystem::path(FRONTLINE_TEST_TMP) / "workshop-phones-teams.png");

    REQUIRE(g.workshop->play().team == 0);
    json st = b1.state();
    CHECK(st.at("teams") == json::array({"Team A", "Team B"}));
    CHECK(st.at("turn_team") == 0);
    CHECK(st.at("my_team") == 1);
    const uint64_t turn = st.at("turn");
    const std::vector<int> shown = g.workshop->call().presented();

    REQUIRE(shown.size() >= 3);
    REQUIRE(a1.vote(turn, 2) == 200);
    REQUIRE(a2.vote(turn, 3) == 200);  // a tie: the option listed first goes ahead
    auto [status, why] = b1.vote_answer(turn, 1);
    CHECK(status == 409);
    CHECK(why.at("error") == "wrong-team");
    CHECK(why.at("message").get<std::string>().find("Team A's turn") != std::string::npos);
    CHECK(undecided.vote(turn, 1) == 409);
    game->frames(1);
    CHECK(g.phones->voters == 2);
    CHECK(g.phones->turn_team == 0);

    click(*game, "lock phones");
    click(*game, "reveal phones");
    REQUIRE(game->has("phone split"));
    click(*game, "use phone votes");
    REQUIRE(g.workshop->record().steps.size() == 1);
    const results::WorkshopStep& step = g.workshop->record().steps[0];
    std::vector<int> expected(shown.size(), 0);
    expected[1] = 1;
    expected[2] = 1;
    CHECK(step.team == 0);
    CHECK(step.votes == expected);
    CHECK(step.tie_broken);
    CHECK(g.workshop->call().path().at(0) == shown[1]);
    auto saved = g.results.store->workshop(*g.results.workshop);
    REQUIRE(saved);
    REQUIRE(saved->steps.size() == 1);
    CHECK(saved->steps[0].votes == expected);
    THEN("the summary shows where Team A's phones split") {
        const WorkshopSummary sum = g.workshop->summary();
        REQUIRE(sum.splits.size() == 1);
        CHECK(sum.splits[0].team == 0);
        CHECK(sum.splits[0].votes == expected);
        click(*game, "summary");
        REQUIRE(g.screen == Screen::workshop_summary);
        CHECK(game->has("splits"));
    }

    WHEN("Team A's call ends and Team B takes the seat") {
        for (int i = 0; i < 30 && g.workshop->play().team == 0; ++i) {
            game->frames(1);
            if (g.workshop->just_ended()) click(*game, "continue");
            else press_choice(*game, 1);
        }
        REQUIRE(g.workshop->play().team == 1);
        game->frames(1);
        if (g.workshop->just_ended()) click(*game, "continue");  // Team A's call is over
        game->frames(1);
        json now = b1.state();
        REQUIRE(now.at("state") == "open");
        REQUIRE(now.at("turn_team") == 1);
        const uint64_t next = now.at("turn");
        THEN("Team B's phone votes and Team A's are refused") {
            CHECK(b1.vote(next, 1) == 200);
            CHECK(a1.vote(next, 1) == 409);
            game->frames(1);
            CHECK(g.phones->voters == 1);
            CHECK(g.phones->counts.at(0) == 1);
        }
    }
}

SCENARIO("the workshop command's --phones --teams opens hot seat with phones on") {
    GameOptions o = with_phone_page();
    GameOptions::WorkshopStart start;
    start.style = "hot-seat";
    start.teams = 3;
    start.phones = true;
    start.phone_bind = "127.0.0.1";
    o.workshop = start;
    auto game = start_game(o);
    GameState& g = game->game();
    REQUIRE(g.screen == Screen::workshop);
    REQUIRE(g.phones);
    REQUIRE(g.phones->server);
    CHECK(g.phones->team_names == std::vector<std::string>{"Team 1", "Team 2", "Team 3"});
    CHECK(g.phones->turn_team == 0);
    CHECK(g.phones->state == phones::VoteState::open);
}

SCENARIO("the facilitator removes a phone from the projector's list") {
    auto game = start_game(with_phone_page());
    GameState& g = game->game();
    g.phone_options.bind = "127.0.0.1";
    start_class_vote_with_phones(*game);
    REQUIRE(g.phones);
    REQUIRE(g.phones->server);
    const int port = g.phones->server->port();
    std::vector<std::unique_ptr<Phone>> phones;
    for (const char* nick : {"Ana", "Prankster", ""}) {
        phones.push_back(std::make_unique<Phone>(port));
        REQUIRE(phones.back()->join(g.phones->code, nick) == 200);
    }
    const uint64_t turn = phones[0]->state().at("turn");
    REQUIRE(phones[1]->vote(turn, 1) == 200);
    game->frames(1);
    REQUIRE(g.phones->roster.size() == 3);

    // The list's header sits at the panel's fold at 150 % (how far depends on what the
    // vote line shows by then): scroll to it as the facilitator would.
    scroll_to(*game, "facilitator panel", "phone list");
    click(*game, "phone list");  // folded by default
    game->frames(1);
    scroll_to(*game, "facilitator panel", "remove phone 3");
    for (int n = 1; n <= 3; ++n) CHECK(game->has("remove phone " + std::to_string(n)));
    THEN("nicknames stay off the projector until the facilitator shows them") {
        for (const auto& e : g.phones->roster) CHECK(e.nickname.empty());
        click(*game, "show nicknames");
        game->frames(1);
        REQUIRE(g.phones->show_nicknames);
        CHECK(g.phones->roster[1].nickname == "Prankster");
    }
    WHEN("the facilitator removes phone 2") {
        click(*game, "remove phone 2");
        game->frames(1);
        THEN("it is gone from the room with its vote, and told so") {
            CHECK(g.phones->phones == 2);
            CHECK(g.phones->voters == 0);
            CHECK_FALSE(game->has("remove phone 2"));
            CHECK(game->has("remove phone 3"));
            CHECK(phones[1]->state_status() == 403);
            CHECK(phones[1]->vote(turn, 1) == 403);
            CHECK(phones[0]->vote(turn, 1) == 200);
        }
    }
}

SCENARIO("a paused workshop with phones, resumed, opens the vote to the phones again") {
    const auto dir = std::filesystem::path(FRONTLINE_TEST_TMP) / "gui-phones-resume";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    GameOptions o = with_phone_page();
    o.results_data = (dir / "results.db").string();
    auto game = start_game(o);
    GameState& g = game->game();
    g.phone_options.bind = "127.0.0.1";
    start_class_vote_with_phones(*game);
    REQUIRE(g.phones);
    REQUIRE(g.phones->server);
    const int port = g.phones->server->port();
    const std::string first_code = g.phones->code;
    const results::WorkshopId id = *g.results.workshop;
    {
        Phone p(port);
        REQUIRE(p.join(first_code) == 200);
        const uint64_t turn = p.state().at("turn");
        REQUIRE(p.vote(turn, 1) == 200);
        game->frames(1);
        click(*game, "lock phones");
        click(*game, "reveal phones");
        click(*game, "use phone votes");
        REQUIRE(g.workshop->record().steps.size() == 1);
    }
    // The facilitator leaves for the library: the workshop is kept, the server stops.
    click(*game, "library");
    REQUIRE_FALSE(g.phones);
    auto saved = g.results.store->workshop(id);
    REQUIRE(saved);
    CHECK(saved->phone_port == port);

    WHEN("the facilitator resumes it") {
        game->frames(2);
        click(*game, "resume workshop " + std::to_string(id));
        REQUIRE(g.screen == Screen::workshop);
        REQUIRE(g.phones);
        INFO(g.phones->error);
        REQUIRE(g.phones->server);
        THEN("the server is back on the same port with a new code, and the current decision is open") {
            CHECK(g.phones->server->port() == port);
            CHECK(g.phones->code != first_code);
            Phone again(port);
            CHECK(again.join(first_code) == 403);  // the old code no longer joins
            REQUIRE(again.join(g.phones->code) == 200);
            json st = again.state();
            REQUIRE(st.at("state") == "open");
            const std::vector<int> shown = g.workshop->call().presented();
            REQUIRE(st.at("options").size() == shown.size());
            REQUIRE(again.vote(st.at("turn"), 2) == 200);
            game->frames(1);
            CHECK(g.phones->voters == 1);
            click(*game, "reveal phones");
            click(*game, "use phone votes");
            REQUIRE(g.workshop->record().steps.size() == 2);
            std::vector<int> expected(shown.size(), 0);
            expected[1] = 1;
            CHECK(g.workshop->record().steps[1].votes == expected);
            auto after = g.results.store->workshop(id);
            REQUIRE(after);
            CHECK(after->steps.size() == 2);
        }
    }
}
