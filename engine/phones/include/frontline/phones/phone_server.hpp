// The vote room on the network: an HTTP server (cpp-httplib, no TLS) on its own
// threads that serves the phone page and a small JSON API. Nothing from a
// request reaches the file system: the page files are read once at start.
//
//   GET  /, /phone.css, /phone.js          the page (known files only)
//   POST /api/join   {"code","nickname"}   -> {"token","phone","teams"}
//   GET  /api/state?token=T&since=V        long poll: answers when the version passes V
//   POST /api/vote   {"token","turn","option"} -> {"counted":true,...}
//   POST /api/team   {"token","team"}      -> {"team"} (teams taking turns: the phone's team)
//
// Sections: options / the server / addresses.
#pragma once

#include "frontline/phones/vote_room.hpp"

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace frontline::phones {

struct ServerOptions {
    std::string bind = "0.0.0.0";  ///< "127.0.0.1" keeps the room on this laptop
    int port = 0;                  ///< 0 = any free port (port() tells which)
    std::filesystem::path pages;   ///< the folder of index.html, phone.css, phone.js
    RoomLimits limits;
    std::optional<uint64_t> code_seed;  ///< repeatable room codes (tests)
    size_t max_body_bytes = 2048;       ///< a join or a vote is a few dozen bytes
    int io_timeout_seconds = 3;         ///< per read/write: a client that stalls is dropped
    int poll_seconds = 20;              ///< a long poll answers after this even if nothing changed
    size_t workers = 320;               ///< threads; each waiting phone holds one during its poll
    size_t max_connections = 600;       ///< beyond this, connections get 503 and are closed
};

/// The room's HTTP server. Start it, read port(), use the room through
/// with_room(); the destructor stops the threads.
class PhoneServer {
public:
    /// Binds and starts serving; nullptr with `error` set ("port 8080 is in use",
    /// "no such address", a missing page file) when it cannot.
    static std::unique_ptr<PhoneServer> start(const ServerOptions& options, std::string& error);
    ~PhoneServer();
    PhoneServer(const PhoneServer&) = delete;
    PhoneServer& operator=(const PhoneServer&) = delete;

    int port() const { return port_; }
    const std::string& bind_address() const { return options_.bind; }

    /// Runs `f(VoteRoom&)` under the room's lock and wakes waiting phones if it
    /// changed anything. The facilitator's side: open, lock, reveal, remove...
    template <class F>
    auto with_room(F&& f) {
        std::unique_lock lock(mutex_);
        struct Wake {
            PhoneServer* s;
            uint64_t before;
            ~Wake() {
                if (s->room_.version() != before) s->changed_.notify_all();
            }
        } wake{this, room_.version()};
        return f(room_);
    }

    /// Called on a server thread after a phone joined, voted or left (the game
    /// pushes an SDL event to wake its loop). Set before phones arrive.
    void set_on_change(std::function<void()> callback);

    /// Test interface: answers raw HTTP request bytes (one or more pipelined requests)
    /// through the same parser, limits and routes as a connection, and returns the raw
    /// response bytes. The request fuzzer and the bad-request tests use it.
    std::string answer_raw_request_for_testing(std::string_view bytes);

    /// Stops accepting, wakes every long poll and joins the threads. Idempotent.
    void stop();

    /// Requests answered so far, by status class (for the projector's diagnostics and tests).
    struct Stats {
        uint64_t ok = 0, client_errors = 0, rejected_busy = 0;
    };
    Stats stats() const;

private:
    struct Impl;
    PhoneServer() = default;
    void notify_game();

    ServerOptions options_;
    int port_ = 0;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    VoteRoom room_;
    bool stopping_ = false;
    std::function<void()> on_change_;
    std::unique_ptr<Impl> impl_;
};

/// The laptop's IPv4 addresses a phone on the same network can reach (no
/// loopback), best first (private LAN ranges before others).
std::vector<std::string> lan_addresses();
/// The address to put on the projector and in the QR code: http://ADDR:PORT/#CODE
/// (the code after '#' never leaves the phone; the page fills it in).
std::string join_url(const std::string& address, int port, const std::string& code);

}  // namespace frontline::phones
