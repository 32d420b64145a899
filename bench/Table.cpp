#include "Table.h"

#include <QRegularExpression>
#include <cmath>
#include <cstdio>

namespace kith::bench {

namespace {
bool looksNumeric(const QString &cell)
{
    static const QRegularExpression re(QStringLiteral(R"(^[-+]?[\d,.]+\s*(%|x|ms|s|KB|MB)?$)"));
    return cell == u"-" || re.match(cell).hasMatch();
}
} // namespace

Table::Table(QString title, QStringList headers)
    : m_title(std::move(title))
    , m_headers(std::move(headers))
{
}

void Table::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells.append(QString());
    m_rows.append(std::move(cells));
}

void Table::addNote(QString note)
{
    m_notes.append(std::move(note));
}

void Table::print() const
{
    QList<qsizetype> width(m_headers.size(), 0);
    for (qsizetype c = 0; c < m_headers.size(); ++c)
        width[c] = m_headers[c].size();
    for (const QStringList &row : m_rows)
        for (qsizetype c = 0; c < row.size() && c < width.size(); ++c)
            width[c] = qMax(width[c], row[c].size());

    auto line = [&](const QStringList &cells, bool header) {
        QString out;
        for (qsizetype c = 0; c < width.size(); ++c) {
            const QString &cell = cells.value(c);
            const bool right = !header && c > 0 && looksNumeric(cell);
            if (c > 0)
                out += QStringLiteral("  ");
            out += right ? cell.rightJustified(width[c]) : cell.leftJustified(width[c]);
        }
        std::printf("%s\n", qPrintable(out.trimmed().isEmpty() ? out : out.remove(
                                           QRegularExpression(QStringLiteral("\\s+$")))));
    };
    std::printf("\n== %s ==\n", qPrintable(m_title));
    line(m_headers, true);
    qsizetype total = 0;
    for (qsizetype w : width)
        total += w + 2;
    std::printf("%s\n", qPrintable(QString(qMax<qsizetype>(0, total - 2), u'-')));
    for (const QStringList &row : m_rows)
        line(row, false);
    for (const QString &note : m_notes)
        std::printf("  %s\n", qPrintable(note));
    std::fflush(stdout);
}

QString num(double value, int decimals)
{
    if (std::isnan(value) || std::isinf(value))
        return QStringLiteral("-");
    QString s = QString::number(std::fabs(value), 'f', decimals);
    const qsizetype dot = s.indexOf(u'.');
    for (qsizetype i = (dot < 0 ? s.size() : dot) - 3; i > 0; i -= 3)
        s.insert(i, u',');
    return value < 0 ? u'-' + s : s;
}

} // namespace kith::bench
