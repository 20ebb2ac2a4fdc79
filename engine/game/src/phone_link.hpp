// The room's phones as the game sees them: the vote server of a workshop with
// phones on (a class vote, or teams taking turns in hot seat), and what the game thread last read from its room.
// Votes arrive on the server's threads; the game reads them only under the room's
// lock (sync_phones, once a frame), and the server wakes the loop through `Waker`
// (the platform pushes an SDL event), so an idle projector does not poll.
#pragma once

#ifdef FRONTLINE_HAS_PHONES
#include "frontline/phones/phone_server.hpp"
#include "frontline/phones/qr_code.hpp"
#endif

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#ifndef FRONTLINE_HAS_PHONES
// Builds without the vote server (Windows): a class vote with phones says
// so on the projector and takes typed votes.
namespace frontline::phones {
enum class VoteState : uint8_t { waiting, open, locked, revealed };
struct QrCode {
    int size = 0;
    std::vector<bool> dark;
    bool at(int x, int y) const { return dark[static_cast<size_t>(y * size + x)]; }
};
class PhoneServer;
struct PhoneEntry {
    int phone = 0;
    std::string nickname;
    bool voted = false;
    int team = -1;
};
}  // namespace frontline::phones
#endif

namespace frontline::game {

/// Where a class vote's phones join (set from the command line or left at the defaults).
struct PhoneOptions {
    std::string bind = "0.0.0.0";  ///< "127.0.0.1": this computer only
    int port = 0;                  ///< 0 = any free port
    std::filesystem::path pages;   ///< assets/phone (found with the game's assets)
};

/// Set by the platform once its loop exists; called from the server's threads.
struct Waker {
    void set(std::function<void()> f) {
        std::lock_guard lock(mutex);
        wake = std::move(f);
    }
    void operator()() {
        std::lock_guard lock(mutex);
        if (wake) wake();
    }
    std::mutex mutex;
    std::function<void()> wake;
};

struct PhoneLink {
    std::shared_ptr<phones::PhoneServer> server;  ///< null when it could not start (see error)
    std::string error;                            ///< why phones are off, for the projector
    std::string host;                             ///< the address phones reach the laptop at
    std::vector<std::string> team_names;          ///< hot seat: the teams phones pick from
    // The room as the game thread last read it (sync_phones).
    std::string code;
    std::string join_address;
    std::optional<phones::QrCode> qr;
    size_t phones = 0;
    int voters = 0;
    phones::VoteState state = phones::VoteState::waiting;
    std::vector<int> counts;  ///< per visible option, in the room's order
    /// Hot seat: phones per team in the workshop's order, then those without a team.
    std::vector<size_t> team_phones;
    int turn_team = -1;  ///< the team whose phones vote now; -1 = the whole room
    /// The joined phones by number, for "remove"; nicknames only when shown.
    std::vector<phones::PhoneEntry> roster;
    bool show_nicknames = false;                  ///< the facilitator allows nicknames on screen
    size_t opened_for = static_cast<size_t>(-1);  ///< the decision the room's vote is open on
};

}  // namespace frontline::game
