#include "frontline/choice_order.hpp"

#include "frontline/runner.hpp"

#include <chrono>
#include <random>
#include <utility>

namespace frontline {

uint64_t splitmix64_next(uint64_t& state) {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::vector<int> presented_choices(const Scenario& s, const CallState& state, const ChoiceOrder& order) {
    std::vector<int> out = visible_choices(s, state);
    if (!order.shuffle || out.size() < 2 || !s.node(state.node).shuffle) return out;
    // Node and turn enter the stream, so a node revisited on a loop is shuffled anew.
    uint64_t stream = order.seed ^ (static_cast<uint64_t>(state.node) * 0xd1b54a32d192ed03ULL) ^
                      (static_cast<uint64_t>(state.turn) * 0x8cb92ba72f3d8dd7ULL);
    for (size_t i = out.size() - 1; i > 0; --i) {
        const size_t j = static_cast<size_t>(splitmix64_next(stream) % (i + 1));
        std::swap(out[i], out[j]);
    }
    return out;
}

uint64_t fresh_shuffle_seed() {
    std::random_device device;
    uint64_t seed = (static_cast<uint64_t>(device()) << 32) ^ device();
    seed ^= static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    // Seeds are stored in SQLite and JSON, whose integers are signed 64-bit and whose
    // readers (JavaScript) lose precision past 2^53: keep them there.
    return seed & ((uint64_t{1} << 53) - 1);
}

}  // namespace frontline
