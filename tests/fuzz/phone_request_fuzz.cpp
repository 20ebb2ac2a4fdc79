// libFuzzer target: the phone server's request handling (httplib's parser, the size
// limits and the JSON API's routes), fed raw HTTP bytes without a socket. Each input
// meets a fresh room with one phone joined and a vote open; the placeholders below in an
// input become that room's code and that phone's token, so inputs reach the vote and
// state routes past the checks a random token would fail. Each placeholder is as long as
// what replaces it, so a seed's Content-Length stays right.
// The server must answer every input (or close) without crashing, and never with a
// 5xx other than the "busy" 503 it sends by design.
#include "frontline/phones/phone_server.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

using namespace frontline::phones;

namespace {

PhoneServer& server() {
    static std::unique_ptr<PhoneServer> s = [] {
        ServerOptions o;
        o.bind = "127.0.0.1";
        o.port = 0;
        o.pages = FRONTLINE_PHONE_PAGES;
        o.code_seed = 1;
        o.poll_seconds = 0;  // a long poll answers at once: the fuzzer must not wait
        std::string error;
        auto started = PhoneServer::start(o, error);
        if (!started) {
            std::fprintf(stderr, "phone fuzz: the server did not start: %s\n", error.c_str());
            std::abort();
        }
        return started;
    }();
    return *s;
}

constexpr std::string_view code_placeholder = "#CODE";
constexpr std::string_view token_placeholder = "#TOKEN##########################";
static_assert(code_placeholder.size() == room_code_length);

void replace_all(std::string& text, std::string_view from, const std::string& to) {
    for (size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
        text.replace(at, from.size(), to);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    PhoneServer& s = server();
    std::string code, token;
    s.with_room([&](VoteRoom& room) {
        room = VoteRoom(room.limits(), 1);
        code = room.code();
        token = room.join(code, "fuzz", 0).token;
        room.open(PhoneTurn{"Fuzz", "A line.", {"First", "Second", "Third"}});
    });
    std::string request(reinterpret_cast<const char*>(data), size);
    if (token.size() != token_placeholder.size()) __builtin_trap();  // the seeds' lengths assume it
    replace_all(request, code_placeholder, code);
    replace_all(request, token_placeholder, token);
    const std::string response = s.answer_raw_request_for_testing(request);
    // A 5xx (other than "busy") to the first request means a route threw or broke.
    if (response.rfind("HTTP/1.1 5", 0) == 0 && response.rfind("HTTP/1.1 503", 0) != 0) __builtin_trap();
    return 0;
}
