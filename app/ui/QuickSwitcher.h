#pragma once
//! Ctrl+K: type a few letters of a channel or server, Enter to go there.

#include "shared/Types.h"

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace kith::app {

class QuickSwitcher : public QDialog
{
    Q_OBJECT
public:
    struct Target {
        Id guildId = 0;
        Id channelId = 0; //!< 0: the guild itself
        QString channel;
        QString guild;
    };
    QuickSwitcher(const QList<Target> &targets, QWidget *parent = nullptr);

    //! Subsequence match score of `query` in `text`; < 0 when it does not match. Contiguous
    //! runs and word starts score higher, so "gen" finds #general before #engineering.
    static int score(const QString &query, const QString &text);

    QLineEdit *field() const { return m_field; }
    QListWidget *list() const { return m_list; }

signals:
    void chosen(kith::Id guildId, kith::Id channelId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void accept() override;

    QList<Target> m_targets;
    QLineEdit *m_field;
    QListWidget *m_list;
};

} // namespace kith::app
