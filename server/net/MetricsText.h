#pragma once
//! Writes the Prometheus text exposition format (version 0.0.4): each metric with its
//! # HELP and # TYPE lines, then its samples.

#include "Histogram.h"

#include <QByteArray>

namespace kith::server {

class MetricsText
{
public:
    static constexpr const char *kContentType = "text/plain; version=0.0.4; charset=utf-8";

    void gauge(const char *name, const char *help, double value);
    void counter(const char *name, const char *help, double value);
    //! `name`_bucket{le=...}, _sum and _count, in seconds.
    void histogram(const char *name, const char *help, const Histogram::Snapshot &h);

    const QByteArray &text() const { return m_text; }

private:
    void header(const char *name, const char *help, const char *type);
    void sample(const QByteArray &name, double value);

    QByteArray m_text;
};

} // namespace kith::server
