#pragma once

#include "domaintypes.h"

#include <QByteArray>

#include <random>
#include <vector>

namespace StateScope {

// A state machine to simulate: states with mean dwell times, moves with probabilities. The
// default is an order-processing workflow with validation, retries, approvals that wait,
// failures and cancellations; any definition can be turned into one (uniform choice among a
// state's transitions, error transitions weighted by the failure scale).
struct MachineModel
{
    struct State
    {
        QByteArray name;
        QByteArray type;
        double meanDwellMs = 0;
        bool terminal = false;
    };
    struct Move
    {
        int from = 0;
        int to = 0;
        double probability = 0;
        QByteArray event;
        bool isError = false;
    };

    QByteArray name;
    std::vector<State> states;
    std::vector<Move> moves;
    int initial = 0;

    static MachineModel orderProcessing();
    static MachineModel fromDefinition(const StateMachineDefinition &definition, double meanDwellMs = 2000);
    // Scales the probability of error moves (failures, retries) and renormalises each state.
    void scaleFailures(double factor);
    // The next state after `from`; an extra chance of a move the definition does not allow
    // (to the first terminal state) lets conformance find something.
    int next(int from, std::mt19937_64 &rng, double invalidMoveShare = 0) const;
    double sampleDwellMs(int state, std::mt19937_64 &rng, double scale = 1.0) const; // exponential
    TransitionType moveType(int from, int to) const;
    StateMachineDefinition definition() const; // as a state_machines row describes it
    QByteArray definitionJson() const;         // the row form as one JSON object
};

} // namespace StateScope
