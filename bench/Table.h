#pragma once
//! An aligned text table: text columns left, figures right. Printed to stdout.

#include <QList>
#include <QStringList>

namespace kith::bench {

class Table
{
public:
    explicit Table(QString title, QStringList headers);
    void addRow(QStringList cells);
    void addNote(QString note);
    bool isEmpty() const { return m_rows.isEmpty(); }
    void print() const;

private:
    QString m_title;
    QStringList m_headers;
    QList<QStringList> m_rows;
    QStringList m_notes;
};

//! Figures with thousands separators: 49,000 ; 1,234.5
QString num(double value, int decimals = 0);

} // namespace kith::bench
