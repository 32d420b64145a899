#pragma once
//! The bytes queued for sending across all of a gateway's sessions, against one cap
//! (`[limits] queued_bytes_total`): one slow reader is bounded by the send buffer, many
//! together by this.

#include <QtGlobal>
#include <functional>

namespace kith::server {

struct SendBudget {
    qint64 total = 0;
    qint64 cap = 0;
    //! Called once when `total` first goes past `cap`; the gateway then cuts the slowest readers
    //! (later, never inside the send that crossed it) and calls rearm().
    std::function<void()> overflow;
    bool overflowing = false;

    void add(qint64 bytes)
    {
        total += bytes;
        if (bytes > 0 && total > cap && !overflowing && overflow) {
            overflowing = true;
            overflow();
        }
    }
    void rearm() { overflowing = false; }
};

} // namespace kith::server
