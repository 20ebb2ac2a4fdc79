// The game's sounds: the ring when a phone call starts and the soft cue when the
// customer's patience runs low, read from assets/sounds/ and played through SDL
// audio. Sound is a nicety: a missing file or no audio device means silence and
// one warning, never a failed start.
#pragma once

#include "game_state.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace frontline::game {

/// The first `relative` file found under `dirs`, in order; "" if none has it.
std::filesystem::path find_asset(const std::vector<std::filesystem::path>& dirs, const std::filesystem::path& relative);

/// The file each cue plays, relative to an assets folder.
std::filesystem::path cue_file(Cue cue);

class SoundPlayer {
public:
    /// Opens the default audio device and loads every cue's WAV from `asset_dirs`.
    /// nullptr (and a warning) when no cue could be loaded or no device opened.
    static std::unique_ptr<SoundPlayer> open(const std::vector<std::filesystem::path>& asset_dirs,
                                             std::vector<std::string>& warnings);
    ~SoundPlayer();
    SoundPlayer(const SoundPlayer&) = delete;
    SoundPlayer& operator=(const SoundPlayer&) = delete;

    /// Plays `cue` at `volume_percent` (0 = muted: nothing is queued), cutting off
    /// whatever was still playing: cues are short and the newest is the news.
    void play(Cue cue, int volume_percent);

    /// Cues queued to the device so far (tests, with SDL's dummy audio driver).
    int played() const { return played_; }
    /// Bytes queued to the device by the last play (tests: the volume reaches the mix).
    const std::vector<uint8_t>& last_mix() const { return mix_; }

private:
    SoundPlayer() = default;
    struct Clip {
        std::vector<uint8_t> samples;  ///< in the device's format
    };
    uint32_t device_ = 0;
    uint16_t format_ = 0;
    std::vector<Clip> clips_;  ///< indexed by Cue
    std::vector<uint8_t> mix_;
    int played_ = 0;
};

}  // namespace frontline::game
