#pragma once
//! What the gateway did at the edge, for /metrics and for tests.

#include <QtGlobal>

namespace kith::server {

struct GatewayStats {
    quint64 acceptFailures = 0;    //!< accept() failed (e.g. out of file descriptors)
    quint64 acceptRetries = 0;     //!< accepting resumed after a failure
    quint64 refused = 0;           //!< over connections_per_address
    quint64 handshakeTimeouts = 0; //!< upgrade request not complete within handshake_timeout_ms
    quint64 headersTooLarge = 0;   //!< upgrade request headers over 16 KiB
    quint64 slowReadersCut = 0;    //!< closed with 4008 (send buffer or queued_bytes_total)
    quint64 budgetCuts = 0;        //!< of those, cut because queued_bytes_total was reached
    quint64 httpRequests = 0;      //!< plain HTTP requests (not upgrades) handed to the HTTP side
    quint64 heapTrims = 0;         //!< freed heap given back after many connections closed
    qint64 queuedBytes = 0;        //!< bytes queued for sending across all sessions now
};

} // namespace kith::server
