#pragma once
//! 64-bit time-ordered ids: 42 bits of ms since 2025-01-01 UTC, 10 bits node, 12 bits sequence.

#include <QDateTime>
#include <QString>

namespace kith {

using Id = quint64;

namespace snowflake {
inline constexpr qint64 kEpochMs = 1735689600000; // 2025-01-01T00:00:00Z
inline constexpr int kNodeBits = 10;
inline constexpr int kSeqBits = 12;
inline constexpr int kMaxNode = (1 << kNodeBits) - 1;

qint64 timestampMs(Id id);           //!< Unix ms at which the id was made
QDateTime timestamp(Id id);
int node(Id id);
Id fromTimestampMs(qint64 unixMs);   //!< smallest id at that time: a cursor for time ranges
QString toString(Id id);
//! Parses a decimal id string; false on anything else (empty, sign, overflow, zero).
bool parse(const QString &text, Id *out);
} // namespace snowflake

//! Makes unique ids for one node. Not thread-safe: one generator per thread.
class SnowflakeGenerator
{
public:
    explicit SnowflakeGenerator(int node = 0);
    Id next();
    int node() const { return m_node; }

private:
    int m_node;
    qint64 m_lastMs = 0;
    int m_seq = 0;
};

} // namespace kith
