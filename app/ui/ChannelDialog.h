#pragma once
//! Create a channel (issue 13): a text channel or a category, its category, its colour, and
//! whether its messages are stored or go, roulette-style, to one person online.

#include "shared/Types.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kith::app {

class ChannelDialog : public QDialog
{
    Q_OBJECT
public:
    //! `categories`: the guild's categories, where a new text channel may go.
    explicit ChannelDialog(const QList<Channel> &categories, QWidget *parent = nullptr);
    QString name() const;
    QString topic() const;
    //! What to make: name, topic, type, category, colour, persistent and mode.
    Channel channel() const;

private:
    void syncKind();

    QLineEdit *m_name;
    QLineEdit *m_topic;
    QComboBox *m_kind;
    QComboBox *m_parent;
    QCheckBox *m_notStored;
    QCheckBox *m_roulette;
    QLabel *m_kindNote;
    QString m_pickedColor; //!< "#rrggbb" or empty
};

} // namespace kith::app
