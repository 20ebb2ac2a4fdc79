// The vote server through real HTTP on loopback: what a phone does, what the
// facilitator does, and what a hostile or broken client does.
#include "frontline/phones/phone_server.hpp"

#include <httplib.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <atomic>
#include <chrono>
#include <thread>

using namespace frontline::phones;
using json = nlohmann::json;
using namespace std::chrono_literals;

namespace {

ServerOptions loopback() {
    ServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    o.pages = FRONTLINE_PHONE_PAGES;
    o.code_seed = 42;
    o.poll_seconds = 2;
    o.io_timeout_seconds = 1;
    o.workers = 16;
    return o;
}

std::unique_ptr<PhoneServer> start(const ServerOptions& o = loopback()) {
    std::string error;
    auto s = PhoneServer::start(o, error);
    INFO(error);
    REQUIRE(s);
    return s;
}

/// One phone: its own connection, like a browser.
struct Phone {
    explicit Phone(int port) : http("127.0.0.1", port) { http.set_read_timeout(10, 0); }
    httplib::Client http;
    std::string token;

    httplib::Result post(const std::string& path, const json& body) {
        return http.Post(path.c_str(), body.dump(), "application/json");
    }
    int join(const std::string& code, const std::string& nickname = "") {
        auto r = post("/api/join", {{"code", code}, {"nickname", nickname}});
        REQUIRE(r);
        if (r->status == 200) token = json::parse(r->body).at("token");
        return r->status;
    }
    int vote(uint64_t turn, int option) {
        auto r = post("/api/vote", {{"token", token}, {"turn", turn}, {"option", option}});
        REQUIRE(r);
        if (r->status == 200) REQUIRE(json::parse(r->body).at("counted") == true);
        return r->status;
    }
    std::pair<int, json> state(uint64_t since = 0) {
        auto r = http.Get(("/api/state?token=" + token + "&since=" + std::to_string(since)).c_str());
        REQUIRE(r);
        return {r->status, r->status == 200 ? json::parse(r->body) : json()};
    }
};

PhoneTurn cold_meal() {
    return {"The Cold Meal", "My steak is <b>cold</b>!", {"I'm sorry", "Twelve minutes", "It's on us"}};
}

/// A raw TCP connection, for what no well-behaved client sends.
int connect_raw(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    timeval tv{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
}

std::string read_all(int fd) {
    std::string out;
    char buf[4096];
    for (;;) {
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        out.append(buf, static_cast<size_t>(n));
    }
    return out;
}

}  // namespace

SCENARIO("the server serves the phone page and nothing else", "[phones][server]") {
    auto server = start();
    httplib::Client c("127.0.0.1", server->port());
    auto page = c.Get("/");
    REQUIRE(page);
    REQUIRE(page->status == 200);
    REQUIRE(page->get_header_value("Content-Type").find("text/html") == 0);
    REQUIRE(page->body.find("phone.js") != std::string::npos);
    REQUIRE(c.Get("/phone.js")->status == 200);
    REQUIRE(c.Get("/phone.css")->status == 200);
    for (const char* path : {"/../CMakeLists.txt", "/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd", "/index.html/",
                             "/phone.js?x=/../", "/assets/phone/index.html", "/api/../index.html"}) {
        auto r = c.Get(path);
        REQUIRE(r);
        INFO(path);
        bool page_or_missing =
            r->status == 404 || r->status == 400 || (r->status == 200 && r->body.find("root:") == std::string::npos);
        REQUIRE(page_or_missing);
    }
    REQUIRE(c.Get("/secret.txt")->status == 404);
}

SCENARIO("phones join, vote, change their vote, are locked and see the reveal", "[phones][server]") {
    auto server = start();
    const std::string code = server->with_room([](VoteRoom& r) { return r.code(); });
    std::vector<std::unique_ptr<Phone>> phones;
    for (int i = 0; i < 5; ++i) {
        phones.push_back(std::make_unique<Phone>(server->port()));
        REQUIRE(phones.back()->join(code) == 200);
    }
    REQUIRE(server->with_room([](VoteRoom& r) { return r.phones(); }) == 5);
    uint64_t turn = server->with_room([](VoteRoom& r) { return r.open(cold_meal()); });

    auto [status, st] = phones[0]->state();
    REQUIRE(status == 200);
    REQUIRE(st.at("state") == "open");
    REQUIRE(st.at("turn") == turn);
    REQUIRE(st.at("line") == "My steak is <b>cold</b>!");  // JSON-escaped text, the page shows it as text
    REQUIRE(st.at("options").size() == 3);
    REQUIRE(!st.contains("split"));

    REQUIRE(phones[0]->vote(turn, 1) == 200);
    REQUIRE(phones[1]->vote(turn, 2) == 200);
    REQUIRE(phones[2]->vote(turn, 2) == 200);
    REQUIRE(phones[3]->vote(turn, 3) == 200);
    REQUIRE(phones[3]->vote(turn, 1) == 200);  // changed its mind
    REQUIRE(server->with_room([](VoteRoom& r) { return r.counts(); }) == std::vector<int>{2, 2, 0});
    REQUIRE(phones[3]->state().second.at("my_vote") == 1);

    server->with_room([](VoteRoom& r) { r.lock(); });
    REQUIRE(phones[4]->vote(turn, 3) == 409);
    REQUIRE(phones[0]->vote(turn, 2) == 409);
    server->with_room([](VoteRoom& r) { r.reveal(); });
    json revealed = phones[4]->state().second;
    REQUIRE(revealed.at("state") == "revealed");
    REQUIRE(revealed.at("split") == json::array({2, 2, 0}));
    THEN("the tie goes to the option shown first, as in the workshop") {
        REQUIRE(revealed.at("winner") == 1);
        REQUIRE(revealed.at("tie_broken") == true);
    }
}

SCENARIO("teams take turns: phones pick their team, and another team's vote is refused and not counted",
         "[phones][server][teams]") {
    auto server = start();
    const std::string code = server->with_room([](VoteRoom& r) {
        r.set_teams({"Team A", "Team B"});
        return r.code();
    });
    Phone a(server->port()), b(server->port()), undecided(server->port());
    auto joined = a.post("/api/join", {{"code", code}, {"nickname", ""}});
    REQUIRE(joined);
    REQUIRE(joined->status == 200);
    a.token = json::parse(joined->body).at("token");
    THEN("joining returns the teams in order") {
        REQUIRE(json::parse(joined->body).at("teams") == json::array({"Team A", "Team B"}));
    }
    REQUIRE(b.join(code) == 200);
    REQUIRE(undecided.join(code) == 200);
    auto pick = [](Phone& p, const json& team) {
        auto r = p.post("/api/team", {{"token", p.token}, {"team", team}});
        REQUIRE(r);
        return r->status;
    };
    REQUIRE(pick(a, 0) == 200);
    REQUIRE(pick(b, 1) == 200);
    REQUIRE(pick(b, 7) == 400);    // no such team
    REQUIRE(pick(b, "B") == 400);  // not a number
    REQUIRE(pick(b, -1) == 400);
    REQUIRE(server->with_room([](VoteRoom& r) { return r.phones_per_team(); }) == std::vector<size_t>{1, 1, 1});

    const uint64_t turn = server->with_room([](VoteRoom& r) { return r.open(cold_meal(), 0); });
    json st = b.state().second;
    REQUIRE(st.at("teams") == json::array({"Team A", "Team B"}));
    REQUIRE(st.at("my_team") == 1);
    REQUIRE(st.at("turn_team") == 0);

    REQUIRE(a.vote(turn, 2) == 200);
    auto refused = b.post("/api/vote", {{"token", b.token}, {"turn", turn}, {"option", 1}});
    REQUIRE(refused);
    REQUIRE(refused->status == 409);
    json why = json::parse(refused->body);
    REQUIRE(why.at("error") == "wrong-team");
    REQUIRE(why.at("counted") == false);
    REQUIRE(why.at("message") == "It's Team A's turn: your team votes on its own turn.");
    REQUIRE(undecided.vote(turn, 1) == 409);  // no team picked yet
    REQUIRE(server->with_room([](VoteRoom& r) { return r.counts(); }) == std::vector<int>{0, 1, 0});

    WHEN("a team changes") {
        REQUIRE(pick(undecided, 0) == 200);
        REQUIRE(undecided.vote(turn, 2) == 200);
        THEN("it votes with its new team") {
            REQUIRE(server->with_room([](VoteRoom& r) { return r.counts(); }) == std::vector<int>{0, 2, 0});
        }
    }
    THEN("a room without teams says nothing of teams") {
        auto plain = start();
        const std::string plain_code = plain->with_room([](VoteRoom& r) { return r.code(); });
        Phone p(plain->port());
        REQUIRE(p.join(plain_code) == 200);
        REQUIRE_FALSE(p.state().second.contains("teams"));
        REQUIRE(pick(p, 0) == 400);
    }
}

SCENARIO("the next turn reaches a waiting phone by itself, and a late phone gets the current one", "[phones][server]") {
    auto server = start();
    const std::string code = server->with_room([](VoteRoom& r) { return r.code(); });
    Phone a(server->port());
    REQUIRE(a.join(code) == 200);
    auto [s0, first] = a.state();
    REQUIRE(first.at("state") == "waiting");
    uint64_t v = first.at("version");

    std::thread facilitator([&] {
        std::this_thread::sleep_for(300ms);
        server->with_room([](VoteRoom& r) { r.open(cold_meal()); });
    });
    auto t0 = std::chrono::steady_clock::now();
    auto [s1, next] = a.state(v);  // waits
    double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    facilitator.join();
    REQUIRE(s1 == 200);
    REQUIRE(next.at("state") == "open");
    REQUIRE(next.at("version") > v);
    REQUIRE(waited >= 0.2);
    REQUIRE(waited < 1.9);  // woken by the change, not by the poll's timeout

    Phone late(server->port());
    REQUIRE(late.join(code) == 200);
    json now = late.state().second;
    REQUIRE(now.at("turn") == next.at("turn"));
    REQUIRE(now.at("line") == "My steak is <b>cold</b>!");
    REQUIRE(late.vote(now.at("turn"), 2) == 200);

    WHEN("nothing changes") {
        auto [s2, same] = a.state(next.at("version"));
        THEN("the poll answers after its timeout with the same state") {
            REQUIRE(s2 == 200);
            REQUIRE(same.at("version") == next.at("version"));
        }
    }
}

SCENARIO("a removed phone is told so and can no longer vote, and a new code keeps others out", "[phones][server]") {
    auto server = start();
    const std::string code = server->with_room([](VoteRoom& r) { return r.code(); });
    Phone a(server->port()), b(server->port());
    REQUIRE(a.join(code) == 200);
    REQUIRE(b.join(code) == 200);
    uint64_t turn = server->with_room([](VoteRoom& r) { return r.open(cold_meal()); });
    REQUIRE(b.vote(turn, 2) == 200);
    int b_number = server->with_room([](VoteRoom& r) { return r.roster().back().phone; });

    json st = b.state().second;
    std::thread facilitator([&] {
        std::this_thread::sleep_for(200ms);
        server->with_room([&](VoteRoom& r) { r.remove(b_number); });
    });
    auto [status, body] = b.state(st.at("version"));  // waiting when removed
    facilitator.join();
    REQUIRE(status == 403);
    REQUIRE(body.is_null());
    REQUIRE(b.vote(turn, 1) == 403);
    REQUIRE(server->with_room([](VoteRoom& r) { return r.counts(); }) == std::vector<int>{0, 0, 0});
    REQUIRE(a.vote(turn, 1) == 200);

    server->with_room([](VoteRoom& r) { r.new_code(); });
    Phone c(server->port());
    REQUIRE(c.join(code) == 403);
    REQUIRE(c.join(server->with_room([](VoteRoom& r) { return r.code(); })) == 200);
}

SCENARIO("bad requests get a 4xx and the vote goes on", "[phones][server]") {
    auto server = start();
    const std::string code = server->with_room([](VoteRoom& r) { return r.code(); });
    uint64_t turn = server->with_room([](VoteRoom& r) { return r.open(cold_meal()); });
    Phone a(server->port());
    REQUIRE(a.join("ZZZZZ") == 403);  // wrong code
    REQUIRE(a.join(code) == 200);
    httplib::Client c("127.0.0.1", server->port());

    auto status = [&](const char* path, const std::string& body) {
        auto r = c.Post(path, body, "application/json");
        REQUIRE(r);
        return r->status;
    };
    REQUIRE(status("/api/join", "{not json") == 400);
    REQUIRE(status("/api/join", "[1,2,3]") == 400);
    REQUIRE(status("/api/join", "{\"code\": 12345}") == 400);
    REQUIRE(status("/api/join", "{\"code\": \"" + code + "\", \"nickname\": {\"a\":1}}") == 400);
    REQUIRE(status("/api/join", std::string("\x00\xff\xfe garbage \x01", 14)) == 400);
    REQUIRE(status("/api/vote", "{\"token\": \"" + a.token + "\", \"turn\": -1, \"option\": 1}") == 400);
    REQUIRE(status("/api/vote", "{\"token\": \"" + a.token + "\", \"turn\": " + std::to_string(turn) +
                                    ", \"option\": 99999999999}") == 400);
    REQUIRE(status("/api/vote", "{\"token\": \"" + a.token + "\", \"turn\": " + std::to_string(turn) +
                                    ", \"option\": \"1\"}") == 400);
    REQUIRE(status("/api/vote", "{\"token\": \"nope\", \"turn\": " + std::to_string(turn) + ", \"option\": 1}") == 401);
    REQUIRE(status("/api/vote", "{\"token\": \"" + a.token + "\", \"turn\": " + std::to_string(turn + 7) +
                                    ", \"option\": 1}") == 409);
    REQUIRE(c.Get("/api/state")->status == 401);  // no token
    REQUIRE(c.Get(("/api/state?token=" + a.token + "&since=-1").c_str())->status == 400);
    REQUIRE(c.Get(("/api/state?token=" + a.token + "&since=99999999999999999999999").c_str())->status == 400);

    WHEN("a body is huge") {
        std::string huge = "{\"code\": \"" + std::string(1 << 20, 'A') + "\"}";
        auto r = c.Post("/api/join", huge, "application/json");
        THEN("it is refused (413, or the connection is closed) without being read") {
            REQUIRE((!r || r->status == 413));
        }
    }
    WHEN("garbage bytes arrive instead of HTTP") {
        int fd = connect_raw(server->port());
        const char junk[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http at all\r\n\r\n";
        REQUIRE(::send(fd, junk, sizeof junk - 1, 0) > 0);
        std::string reply = read_all(fd);
        ::close(fd);
        THEN("the server answers 400 or closes") {
            REQUIRE((reply.empty() || reply.find(" 400 ") != std::string::npos));
        }
    }
    THEN("the phone still votes") { REQUIRE(a.vote(turn, 3) == 200); }
    REQUIRE(a.vote(turn, 3) == 200);
    REQUIRE(server->stats().client_errors > 0);
}

SCENARIO("a flood of joins is slowed down, and the room's phones still vote", "[phones][server]") {
    ServerOptions o = loopback();
    o.limits.join_burst = 20;
    o.limits.joins_per_second = 5;
    auto server = start(o);
    const std::string code = server->with_room([](VoteRoom& r) { return r.code(); });
    Phone a(server->port());
    REQUIRE(a.join(code) == 200);
    uint64_t turn = server->with_room([](VoteRoom& r) { return r.open(cold_meal()); });

    std::atomic<int> refused{0}, accepted{0};
    std::vector<std::thread> flood;
    for (int t = 0; t < 4; ++t) {
        flood.emplace_back([&, t] {
            httplib::Client c("127.0.0.1", server->port());
            for (int i = 0; i < 50; ++i) {
                auto r =
                    c.Post("/api/join", json{{"code", t % 2 ? code : std::string("WRONG")}}.dump(), "application/json");
                if (r && r->status == 429) ++refused;
                if (r && r->status == 200) ++accepted;
            }
        });
    }
    for (auto& t : flood) t.join();
    REQUIRE(refused > 150);
    REQUIRE(accepted <= 25);
    REQUIRE(server->with_room([](VoteRoom& r) { return r.phones(); }) <= 26);
    REQUIRE(a.vote(turn, 2) == 200);
}

SCENARIO("a phone that sends too many requests gets 429", "[phones][server]") {
    ServerOptions o = loopback();
    o.limits.request_burst = 5;
    o.limits.requests_per_second = 1;
    auto server = start(o);
    Phone a(server->port());
    REQUIRE(a.join(server->with_room([](VoteRoom& r) { return r.code(); })) == 200);
    uint64_t turn = server->with_room([](VoteRoom& r) { return r.open(cold_meal()); });
    int too_fast = 0;
    for (int i = 0; i < 20; ++i) too_fast += a.vote(turn, 1 + i % 3) == 429 ? 1 : 0;
    REQUIRE(too_fast >= 14);
}

SCENARIO("a slow client is dropped and does not hold up the room", "[phones][server]") {
    auto server = start();
    const std::string code = server->with_room([](VoteRoom& r) { return r.code(); });
    uint64_t turn = server->with_room([](VoteRoom& r) { return r.open(cold_meal()); });
    int slow = connect_raw(server->port());
    const char half[] = "POST /api/vote HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n";  // and then nothing
    REQUIRE(::send(slow, half, sizeof half - 1, 0) > 0);

    Phone a(server->port());
    REQUIRE(a.join(code) == 200);
    REQUIRE(a.vote(turn, 1) == 200);  // served while the slow one stalls

    auto t0 = std::chrono::steady_clock::now();
    std::string reply = read_all(slow);  // returns when the server closes it
    double held = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ::close(slow);
    REQUIRE(held < 5);  // the read timeout (1 s here), not forever
    REQUIRE(reply.find(" 200 ") == std::string::npos);
}

SCENARIO("connections beyond the cap get 503", "[phones][server]") {
    ServerOptions o = loopback();
    o.workers = 2;
    o.max_connections = 2;
    o.io_timeout_seconds = 5;
    auto server = start(o);
    int idle1 = connect_raw(server->port()), idle2 = connect_raw(server->port());  // hold both workers
    httplib::Client c("127.0.0.1", server->port());
    c.set_read_timeout(10, 0);
    // On a busy machine the server may take a moment to accept the idle two; until it
    // has, a request is served. Once both are held, the next one is refused.
    auto r = c.Get("/");
    for (int i = 0; i < 30 && r && r->status == 200; ++i) {
        std::this_thread::sleep_for(100ms);
        r = c.Get("/");
    }
    ::close(idle1);
    ::close(idle2);
    REQUIRE(r);
    REQUIRE(r->status == 503);
    REQUIRE(server->stats().rejected_busy >= 1);
    REQUIRE(c.Get("/")->status == 200);  // once the idle ones are gone
}

SCENARIO("starting fails clearly on a port in use, a foreign address or a missing page", "[phones][server]") {
    auto first = start();
    ServerOptions o = loopback();
    o.port = first->port();
    std::string error;
    REQUIRE(!PhoneServer::start(o, error));
    REQUIRE(error.find("in use") != std::string::npos);
    o.port = 0;
    o.bind = "not-an-address";
    REQUIRE(!PhoneServer::start(o, error));
    REQUIRE(error.find("IPv4") != std::string::npos);
    o.bind = "192.0.2.77";  // TEST-NET: not this computer's
    REQUIRE(!PhoneServer::start(o, error));
    REQUIRE(error.find("not an address of this computer") != std::string::npos);
    o.bind = "127.0.0.1";
    o.pages = "/nonexistent";
    REQUIRE(!PhoneServer::start(o, error));
    REQUIRE(error.find("phone page is missing") != std::string::npos);
    o = loopback();
    o.port = 70000;
    REQUIRE(!PhoneServer::start(o, error));
}

SCENARIO("stopping answers the waiting phones at once", "[phones][server]") {
    ServerOptions o = loopback();
    o.poll_seconds = 20;
    auto server = start(o);
    Phone a(server->port());
    REQUIRE(a.join(server->with_room([](VoteRoom& r) { return r.code(); })) == 200);
    uint64_t v = a.state().second.at("version");
    std::thread poll([&] {  // no REQUIRE off the test's thread
        a.http.Get(("/api/state?token=" + a.token + "&since=" + std::to_string(v)).c_str());
    });
    std::this_thread::sleep_for(200ms);
    auto t0 = std::chrono::steady_clock::now();
    server->stop();
    poll.join();
    REQUIRE(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 5);
}

SCENARIO("the join address", "[phones][server]") {
    REQUIRE(join_url("192.168.1.20", 8080, "ACE34") == "http://192.168.1.20:8080/#ACE34");
    for (const std::string& a : lan_addresses()) REQUIRE(a.rfind("127.", 0) != 0);
}

SCENARIO("raw request bytes meet the same parser, limits and routes as a socket", "[phones][server]") {
    auto server = start();
    const std::string code = server->with_room([](VoteRoom& r) {
        r.open(PhoneTurn{"Call", "A line.", {"First", "Second"}});
        return r.code();
    });
    auto status_of = [&](const std::string& raw) {
        const std::string reply = server->answer_raw_request_for_testing(raw);
        return reply.size() >= 12 ? std::stoi(reply.substr(9, 3)) : 0;  // "HTTP/1.1 200"
    };
    const std::string join_body = json{{"code", code}}.dump();
    REQUIRE(status_of("POST /api/join HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                      std::to_string(join_body.size()) + "\r\n\r\n" + join_body) == 200);
    // No path from a request reaches the file system.
    REQUIRE(status_of("GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n") == 404);
    REQUIRE(status_of("GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n") == 404);
    // A body over the limit is refused before it is read.
    REQUIRE(status_of("POST /api/join HTTP/1.1\r\nHost: x\r\nContent-Length: 999999\r\n\r\n{") == 413);
    // Broken JSON and a chunked body that ends early are client errors, never 5xx.
    const int broken = status_of(
        "POST /api/vote HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        "12\r\n\r\n{\"token\":[1,");
    REQUIRE(broken >= 400);
    REQUIRE(broken < 500);
    const std::string chunked = server->answer_raw_request_for_testing(
        "POST /api/vote HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"tok\r\n");
    REQUIRE(chunked.rfind("HTTP/1.1 5", 0) != 0);
    // Garbage is answered 400 or the connection is closed without an answer.
    const std::string garbage = server->answer_raw_request_for_testing(std::string("\x00\xff\r\n\r\n", 6));
    REQUIRE((garbage.empty() || garbage.rfind("HTTP/1.1 4", 0) == 0));
}
