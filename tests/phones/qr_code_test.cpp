// The join address's QR code: the right size for its length, the three finder
// patterns where a phone's camera looks for them, the same every time.
#include "frontline/phones/qr_code.hpp"

#include <catch2/catch.hpp>

using namespace frontline::phones;

namespace {
/// A finder pattern: a 7x7 dark ring, a light ring, a dark 3x3 centre.
bool finder_at(const QrCode& q, int x0, int y0) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (q.at(x0 + x, y0 + y) != (ring || centre)) return false;
        }
    return true;
}
}  // namespace

SCENARIO("the join address becomes a QR code a phone can read", "[phones][qr]") {
    GIVEN("a LAN address with the room code") {
        auto q = qr_code("http://192.168.178.123:48123/#ACE34");
        REQUIRE(q);
        THEN("it is a version 3 symbol (29 modules) at level M, with its three finder patterns") {
            REQUIRE(q->size == 29);
            REQUIRE(q->dark.size() == 29u * 29u);
            REQUIRE(finder_at(*q, 0, 0));
            REQUIRE(finder_at(*q, q->size - 7, 0));
            REQUIRE(finder_at(*q, 0, q->size - 7));
            REQUIRE(!finder_at(*q, q->size - 7, q->size - 7));  // no fourth
        }
        THEN("the same address gives the same symbol, another address another") {
            REQUIRE(qr_code("http://192.168.178.123:48123/#ACE34")->dark == q->dark);
            REQUIRE(qr_code("http://192.168.178.123:48123/#ACE35")->dark != q->dark);
        }
    }
    GIVEN("text a QR code cannot hold") {
        REQUIRE(!qr_code(""));
        REQUIRE(!qr_code(std::string("a\0b", 3)));
        REQUIRE(!qr_code(std::string(5000, 'x')));
    }
}
