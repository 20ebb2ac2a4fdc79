// The vote room without a network: a class of phones joins, votes, changes its
// mind, is locked, revealed, and the facilitator keeps order.
#include "frontline/phones/vote_room.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace frontline::phones;

namespace {
PhoneTurn three_options() {
    return {"The Cold Meal", "My steak is cold!", {"I'm sorry", "Twelve minutes", "It's on us"}};
}
}  // namespace

SCENARIO("a room code is short and has no look-alike characters", "[phones][room]") {
    GIVEN("many rooms") {
        std::set<std::string> codes;
        for (uint64_t seed = 0; seed < 200; ++seed) {
            VoteRoom room({}, seed);
            const std::string& code = room.code();
            REQUIRE(code.size() >= 4);
            REQUIRE(code.size() <= 6);
            for (char c : code) {
                REQUIRE(room_code_alphabet.find(c) != std::string_view::npos);
                REQUIRE(std::string_view("0OQD1IL2Z5S6G8BUV").find(c) == std::string_view::npos);
            }
            codes.insert(code);
        }
        THEN("they differ") { REQUIRE(codes.size() > 190); }
    }
    GIVEN("a room") {
        VoteRoom room({}, 7);
        std::string before = room.code();
        WHEN("the facilitator asks for a new code") {
            Joined in = room.join(before, "", 0);
            room.new_code();
            THEN("the code changes, the old one no longer joins, phones already in stay") {
                REQUIRE(room.code() != before);
                REQUIRE(room.join(before, "", 1).refusal == Refusal::wrong_code);
                REQUIRE(room.admit(in.token, 1) == Refusal::none);
                REQUIRE(room.join(room.code(), "", 1).refusal == Refusal::none);
            }
        }
    }
}

SCENARIO("phones join, vote, change their vote until it is locked, and see the split once revealed", "[phones][room]") {
    GIVEN("a room with three phones and a decision open") {
        VoteRoom room({}, 1);
        std::string code = room.code();
        std::string lower;
        for (char c : code) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        Joined a = room.join(code, "Ana", 0);
        Joined b = room.join(" " + lower + " ", "", 0);  // typed in lower case with spaces
        Joined c = room.join(code, "", 0);
        REQUIRE(a.refusal == Refusal::none);
        REQUIRE(b.refusal == Refusal::none);
        REQUIRE(c.refusal == Refusal::none);
        REQUIRE(a.token.size() == 32);
        REQUIRE(a.token != b.token);
        REQUIRE(room.phones() == 3);
        uint64_t turn = room.open(three_options());

        WHEN("they vote and one changes its mind") {
            REQUIRE(room.vote(a.token, turn, 2, 1) == Refusal::none);
            REQUIRE(room.vote(b.token, turn, 1, 1) == Refusal::none);
            REQUIRE(room.vote(c.token, turn, 1, 1) == Refusal::none);
            REQUIRE(room.vote(c.token, turn, 2, 2) == Refusal::none);
            THEN("each phone counts once, with its last vote") {
                REQUIRE(room.counts() == std::vector<int>{1, 2, 0});
                REQUIRE(room.voters() == 3);
                REQUIRE(room.view(c.token)->my_vote == 2);
                REQUIRE(room.outcome()->winner == 2);
            }
            THEN("no phone sees the split before the reveal") { REQUIRE(room.view(a.token)->split.empty()); }
            AND_WHEN("the facilitator locks") {
                room.lock();
                THEN("changes are refused and the count stays") {
                    REQUIRE(room.vote(b.token, turn, 3, 3) == Refusal::no_vote_open);
                    REQUIRE(room.counts() == std::vector<int>{1, 2, 0});
                }
                AND_WHEN("reveals") {
                    room.reveal();
                    THEN("every phone sees the split and the outcome") {
                        PhoneView v = *room.view(b.token);
                        REQUIRE(v.state == VoteState::revealed);
                        REQUIRE(v.split == std::vector<int>{1, 2, 0});
                        REQUIRE(v.outcome->winner == 2);
                        REQUIRE(room.vote(b.token, turn, 3, 3) == Refusal::no_vote_open);
                    }
                }
            }
        }
        WHEN("a vote names a bad option or an old turn") {
            THEN("it is refused") {
                REQUIRE(room.vote(a.token, turn, 0, 1) == Refusal::bad_option);
                REQUIRE(room.vote(a.token, turn, 4, 1) == Refusal::bad_option);
                REQUIRE(room.vote(a.token, turn + 1, 1, 1) == Refusal::wrong_turn);
                REQUIRE(room.vote("not-a-token", turn, 1, 1) == Refusal::unknown_phone);
                REQUIRE(room.voters() == 0);
            }
        }
        WHEN("the next decision opens") {
            room.vote(a.token, turn, 1, 1);
            uint64_t before = room.version();
            uint64_t next = room.open({"The Cold Meal", "Fine. How long?", {"Ten minutes", "Soon"}});
            THEN("votes start again and the version moves (long polls wake)") {
                REQUIRE(next == turn + 1);
                REQUIRE(room.version() > before);
                REQUIRE(room.counts() == std::vector<int>{0, 0});
                REQUIRE(room.view(a.token)->my_vote == 0);
                REQUIRE(room.vote(a.token, turn, 1, 2) == Refusal::wrong_turn);
            }
        }
    }
}

SCENARIO("a tie follows the workshop's rule: the option shown first wins", "[phones][room]") {
    VoteRoom room({}, 2);
    Joined a = room.join(room.code(), "", 0), b = room.join(room.code(), "", 0);
    uint64_t turn = room.open(three_options());
    room.vote(a.token, turn, 3, 1);
    room.vote(b.token, turn, 2, 1);
    REQUIRE(room.outcome()->winner == 2);
    REQUIRE(room.outcome()->tie_broken);
    REQUIRE(room.outcome()->winner == frontline::tally(room.counts())->winner);
}

SCENARIO("a phone that joins mid-call gets the decision on screen", "[phones][room]") {
    VoteRoom room({}, 3);
    REQUIRE(!room.view("x"));
    Joined early = room.join(room.code(), "", 0);
    REQUIRE(room.view(early.token)->turn == nullptr);  // nothing on screen yet
    uint64_t turn = room.open(three_options());
    Joined late = room.join(room.code(), "", 5);
    PhoneView v = *room.view(late.token);
    REQUIRE(v.turn_id == turn);
    REQUIRE(v.turn != nullptr);
    REQUIRE(v.turn->line == "My steak is cold!");
    REQUIRE(v.turn->options.size() == 3);
    REQUIRE(room.vote(late.token, turn, 1, 5) == Refusal::none);
}

SCENARIO("the facilitator removes a phone", "[phones][room]") {
    VoteRoom room({}, 4);
    Joined a = room.join(room.code(), "", 0), b = room.join(room.code(), "", 0);
    uint64_t turn = room.open(three_options());
    room.vote(a.token, turn, 1, 1);
    room.vote(b.token, turn, 2, 1);
    REQUIRE(room.remove(b.phone));
    REQUIRE(!room.remove(b.phone));
    REQUIRE(room.phones() == 1);
    REQUIRE(room.counts() == std::vector<int>{1, 0, 0});
    REQUIRE(room.admit(b.token, 2) == Refusal::removed);  // told why, so its page does not join again by itself
    REQUIRE(room.vote(b.token, turn, 2, 2) == Refusal::removed);
    REQUIRE(room.admit("never-issued", 2) == Refusal::unknown_phone);
    REQUIRE(!room.view(b.token));
}

SCENARIO("limits: room size, joins per second, requests per phone", "[phones][room]") {
    GIVEN("a room for three phones") {
        RoomLimits limits;
        limits.max_phones = 3;
        VoteRoom room(limits, 5);
        for (int i = 0; i < 3; ++i) REQUIRE(room.join(room.code(), "", 0).refusal == Refusal::none);
        THEN("the fourth is refused") { REQUIRE(room.join(room.code(), "", 0).refusal == Refusal::room_full); }
    }
    GIVEN("a flood of joins, most with wrong codes") {
        RoomLimits limits;
        limits.join_burst = 10;
        limits.joins_per_second = 2;
        VoteRoom room(limits, 6);
        int refused_fast = 0;
        for (int i = 0; i < 100; ++i) refused_fast += room.join("WRONG", "", 0).refusal == Refusal::too_fast ? 1 : 0;
        THEN("after the burst everything is too fast, even the right code, until time passes") {
            REQUIRE(refused_fast == 90);
            REQUIRE(room.join(room.code(), "", 0.1).refusal == Refusal::too_fast);
            REQUIRE(room.join(room.code(), "", 1.0).refusal == Refusal::none);
        }
    }
    GIVEN("a phone that sends too many requests") {
        RoomLimits limits;
        limits.request_burst = 5;
        limits.requests_per_second = 1;
        VoteRoom room(limits, 7);
        Joined a = room.join(room.code(), "", 0);
        uint64_t turn = room.open(three_options());
        for (int i = 0; i < 5; ++i) REQUIRE(room.vote(a.token, turn, 1, 0) == Refusal::none);
        THEN("it is slowed down, and let in again a second later") {
            REQUIRE(room.vote(a.token, turn, 2, 0) == Refusal::too_fast);
            REQUIRE(room.counts() == std::vector<int>{1, 0, 0});
            REQUIRE(room.vote(a.token, turn, 2, 1.0) == Refusal::none);
        }
    }
    GIVEN("a turn with more options than the room allows") {
        VoteRoom room({}, 8);
        PhoneTurn t{"t", "l", std::vector<std::string>(20, "x")};
        room.open(t);
        THEN("it is cut") { REQUIRE(room.turn().options.size() == room.limits().max_options); }
    }
}

SCENARIO("nicknames are cleaned and hidden unless the facilitator shows them", "[phones][room]") {
    REQUIRE(clean_nickname("  Ana  ", 24) == "Ana");
    REQUIRE(clean_nickname("A\nna\x07\x7f", 24) == "Ana");
    REQUIRE(clean_nickname("Ch\xC3\xB6"
                           "e",
                           24) ==
            "Ch\xC3\xB6"
            "e");
    REQUIRE(clean_nickname("bad\xC3", 24) == "bad");  // truncated sequence
    REQUIRE(clean_nickname("\xFF\xFE"
                           "x",
                           24) == "x");  // not UTF-8
    REQUIRE(clean_nickname("\xC2\x85"
                           "x",
                           24) == "x");                                            // C1 control (NEL)
    REQUIRE(clean_nickname("\xC3\xA9\xC3\xA9\xC3\xA9", 5) == "\xC3\xA9\xC3\xA9");  // cut at a boundary
    REQUIRE(clean_nickname(std::string(1000, 'x'), 24).size() == 24);

    VoteRoom room({}, 9);
    room.join(room.code(), "<script>alert(1)</script>", 0);
    REQUIRE(room.roster().size() == 1);
    REQUIRE(room.roster()[0].nickname.empty());
    room.show_nicknames = true;
    REQUIRE(room.roster()[0].nickname ==
            "<script>alert(1)</script");  // kept as text; the page and projector never parse it
}

SCENARIO("teams take turns: each phone picks its team and only the team on the seat votes", "[phones][room][teams]") {
    GIVEN("a room of two teams with four phones") {
        VoteRoom room({}, 3);
        room.set_teams({"Team A", "Team B"});
        Joined a1 = room.join(room.code(), "", 0);
        Joined a2 = room.join(room.code(), "", 0);
        Joined b1 = room.join(room.code(), "", 0);
        Joined late = room.join(room.code(), "", 0);
        REQUIRE(room.pick_team(a1.token, 0, 1) == Refusal::none);
        REQUIRE(room.pick_team(a2.token, 0, 1) == Refusal::none);
        REQUIRE(room.pick_team(b1.token, 1, 1) == Refusal::none);
        THEN("the projector sees counts per team, and those that have not picked") {
            REQUIRE(room.phones_per_team() == std::vector<size_t>{2, 1, 1});
            REQUIRE(room.view(b1.token)->my_team == 1);
            REQUIRE(room.view(late.token)->my_team == -1);
        }
        THEN("a team that does not exist is refused") {
            REQUIRE(room.pick_team(late.token, 2, 1) == Refusal::bad_team);
            REQUIRE(room.pick_team(late.token, -1, 1) == Refusal::bad_team);
            REQUIRE(room.pick_team("not a token", 0, 1) == Refusal::unknown_phone);
        }
        WHEN("Team A's decision opens") {
            uint64_t turn = room.open(three_options(), 0);
            REQUIRE(room.view(a1.token)->turn_team == 0);
            THEN("Team A's phones vote, Team B's and a phone without a team are refused and not counted") {
                REQUIRE(room.vote(a1.token, turn, 2, 2) == Refusal::none);
                REQUIRE(room.vote(a2.token, turn, 3, 2) == Refusal::none);
                REQUIRE(room.vote(b1.token, turn, 1, 2) == Refusal::wrong_team);
                REQUIRE(room.vote(late.token, turn, 1, 2) == Refusal::no_team);
                REQUIRE(room.counts() == std::vector<int>{0, 1, 1});
                REQUIRE(room.voters() == 2);
                AND_THEN("the tie rule decides between Team A's votes") {
                    REQUIRE(room.outcome()->winner == 2);
                    REQUIRE(room.outcome()->tie_broken);
                }
            }
            THEN("a phone that moves to Team B loses its vote on Team A's turn") {
                REQUIRE(room.vote(a1.token, turn, 1, 2) == Refusal::none);
                REQUIRE(room.pick_team(a1.token, 1, 3) == Refusal::none);
                REQUIRE(room.counts() == std::vector<int>{0, 0, 0});
                REQUIRE(room.view(a1.token)->my_vote == 0);
                REQUIRE(room.vote(a1.token, turn, 1, 3) == Refusal::wrong_team);
                REQUIRE(room.phones_per_team() == std::vector<size_t>{1, 2, 1});
            }
            AND_WHEN("Team B's decision opens next") {
                REQUIRE(room.vote(a1.token, turn, 1, 2) == Refusal::none);
                uint64_t next = room.open(three_options(), 1);
                THEN("Team B votes, Team A no longer does") {
                    REQUIRE(room.counts() == std::vector<int>{0, 0, 0});
                    REQUIRE(room.vote(b1.token, next, 3, 3) == Refusal::none);
                    REQUIRE(room.vote(a1.token, next, 1, 3) == Refusal::wrong_team);
                    REQUIRE(room.counts() == std::vector<int>{0, 0, 1});
                }
            }
        }
        WHEN("a turn opens for no team (a class vote)") {
            uint64_t turn = room.open(three_options());
            THEN("every phone votes") {
                REQUIRE(room.vote(late.token, turn, 1, 2) == Refusal::none);
                REQUIRE(room.vote(b1.token, turn, 1, 2) == Refusal::none);
                REQUIRE(room.counts() == std::vector<int>{2, 0, 0});
            }
        }
        WHEN("the teams are set again") {
            THEN("the same number of teams keeps each phone's pick") {
                room.set_teams({"Reds", "Blues"});
                REQUIRE(room.phones_per_team() == std::vector<size_t>{2, 1, 1});
            }
            THEN("another number of teams asks every phone to pick again") {
                room.set_teams({"Reds", "Blues", "Greens"});
                REQUIRE(room.phones_per_team() == std::vector<size_t>{0, 0, 0, 4});
            }
        }
    }
    GIVEN("a room without teams") {
        VoteRoom room({}, 4);
        Joined p = room.join(room.code(), "", 0);
        THEN("there is no team to pick and everyone is counted together") {
            REQUIRE(room.pick_team(p.token, 0, 1) == Refusal::bad_team);
            REQUIRE(room.phones_per_team() == std::vector<size_t>{1});
        }
    }
}
