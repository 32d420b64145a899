#include "MetricsText.h"

namespace kith::server {

namespace {
QByteArray number(double v)
{
    // Integers without an exponent or a fraction; others with 12 significant digits (sums of microseconds).
    if (v == double(qint64(v)) && qAbs(v) < 1e15)
        return QByteArray::number(qint64(v));
    return QByteArray::number(v, 'g', 12);
}
} // namespace

void MetricsText::header(const char *name, const char *help, const char *type)
{
    m_text += "# HELP ";
    m_text += name;
    m_text += ' ';
    m_text += help;
    m_text += "\n# TYPE ";
    m_text += name;
    m_text += ' ';
    m_text += type;
    m_text += '\n';
}

void MetricsText::sample(const QByteArray &name, double value)
{
    m_text += name;
    m_text += ' ';
    m_text += number(value);
    m_text += '\n';
}

void MetricsText::gauge(const char *name, const char *help, double value)
{
    header(name, help, "gauge");
    sample(name, value);
}

void MetricsText::counter(const char *name, const char *help, double value)
{
    header(name, help, "counter");
    sample(name, value);
}

void MetricsText::histogram(const char *name, const char *help, const Histogram::Snapshot &h)
{
    header(name, help, "histogram");
    const QByteArray base(name);
    for (size_t i = 0; i < Histogram::kBoundsUs.size(); ++i)
        sample(base + "_bucket{le=\"" + QByteArray::number(double(Histogram::kBoundsUs[i]) / 1e6, 'g', 6)
                   + "\"}",
               double(h.cumulative[i]));
    sample(base + "_bucket{le=\"+Inf\"}", double(h.count));
    sample(base + "_sum", double(h.sumUs) / 1e6);
    sample(base + "_count", double(h.count));
}

} // namespace kith::server
