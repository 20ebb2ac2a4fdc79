// A vote room on loopback driven line by line from stdin, for the browser test
// (tests/phones/browser/phone_page_test.js) and the load generator. Prints
// "listening PORT CODE", then one "ok ..." line per command:
//   open N [T]   a decision with N options (the customer's line has markup in it, to see it shown as text);
//                T (0-based) when teams take turns: only team T's phones vote on it
//   teams A B..  teams take turns, named A, B, ... (one word each)
//   team-counts  phones per team, then those without a team, e.g. "ok 1 0 0"
//   lock | unlock | reveal | wait
//   counts       the votes per option, e.g. "ok 0 2 1"
//   phones       how many phones joined
//   remove-all   removes every phone (their next request is told to join again)
//   stop | start stops the server (phones see no network), starts a new one on the same port
//                (same code, no phones: each must join again)
//   quit
#include "frontline/phones/phone_server.hpp"

#include <iostream>
#include <sstream>

using namespace frontline::phones;

namespace {
std::unique_ptr<PhoneServer> start(ServerOptions& o) {
    std::string error;
    auto s = PhoneServer::start(o, error);
    if (!s) std::cerr << "room_driver: " << error << "\n";
    return s;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: room_driver PAGES_DIR [PORT]\n";
        return 2;
    }
    ServerOptions o;
    o.bind = "127.0.0.1";
    o.pages = argv[1];
    o.port = argc > 2 ? std::atoi(argv[2]) : 0;
    o.code_seed = 2026;
    o.poll_seconds = 20;
    auto server = start(o);
    if (!server) return 1;
    o.port = server->port();
    std::cout << "listening " << server->port() << " " << server->with_room([](VoteRoom& r) { return r.code(); })
              << std::endl;

    int turns = 0;
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string cmd;
        in >> cmd;
        std::ostringstream reply;
        if (!server && cmd != "start" && cmd != "stop" && cmd != "quit") {
            std::cout << "error the server is stopped" << std::endl;
            continue;
        }
        if (cmd == "open") {
            int n = 3, team = -1;
            in >> n >> team;
            PhoneTurn t{"The Cold Meal",
                        "Turn " + std::to_string(++turns) + ": my steak is <b>cold</b> & I have a show at 8!",
                        {}};
            const char* words[] = {"I'm so sorry. You've got the theatre at half eight: let me fix this now.",
                                   "The kitchen is very busy tonight.",
                                   "Would you like something else instead?",
                                   "It's on us tonight.",
                                   "Twelve minutes.",
                                   "Here it is."};
            for (int i = 0; i < n && i < 6; ++i) t.options.push_back(words[i]);
            reply << server->with_room([&](VoteRoom& r) { return r.open(t, team); });
        } else if (cmd == "teams") {
            std::vector<std::string> names;
            for (std::string name; in >> name;) names.push_back(name);
            server->with_room([&](VoteRoom& r) { r.set_teams(names); });
        } else if (cmd == "team-counts") {
            for (size_t c : server->with_room([](VoteRoom& r) { return r.phones_per_team(); })) reply << c << " ";
        } else if (cmd == "lock") {
            server->with_room([](VoteRoom& r) { r.lock(); });
        } else if (cmd == "unlock") {
            server->with_room([](VoteRoom& r) { r.unlock(); });
        } else if (cmd == "reveal") {
            server->with_room([](VoteRoom& r) { r.reveal(); });
        } else if (cmd == "wait") {
            server->with_room([](VoteRoom& r) { r.wait(); });
        } else if (cmd == "counts") {
            for (int c : server->with_room([](VoteRoom& r) { return r.counts(); })) reply << c << " ";
        } else if (cmd == "phones") {
            reply << server->with_room([](VoteRoom& r) { return r.phones(); });
        } else if (cmd == "remove-all") {
            server->with_room([](VoteRoom& r) {
                for (const PhoneEntry& p : r.roster()) r.remove(p.phone);
            });
        } else if (cmd == "stop") {
            server.reset();
        } else if (cmd == "start") {
            if (!server) server = start(o);
            if (!server) return 1;
        } else if (cmd == "quit") {
            break;
        } else {
            std::cout << "error unknown command '" << cmd << "'" << std::endl;
            continue;
        }
        std::cout << "ok " << reply.str() << std::endl;
    }
    return 0;
}
