#include "sparsesolver.h"

#include <Eigen/IterativeLinearSolvers>

#include <algorithm>
#include <cmath>
#include <limits>

namespace StateScope::Internal {

namespace {

constexpr Eigen::Index minIterativeSize = 200;
constexpr Eigen::Index minIterativeDegree = 16; // average non-zeros per column
constexpr int maxIterations = 100;
// A backward-stable direct solve reaches ~1e-16; allow some slack for the Krylov recurrences.
constexpr double acceptedBackwardError = 1e-13;

double infinityNorm(const RowMajorMatrixD &a)
{
    double norm = 0.0;
    for (Eigen::Index row = 0; row < a.outerSize(); ++row) {
        double sum = 0.0;
        for (RowMajorMatrixD::InnerIterator it(a, row); it; ++it)
            sum += std::abs(it.value());
        norm = std::max(norm, sum);
    }
    return norm;
}

// Normwise backward error ||b - A x|| / (||A|| ||x|| + ||b||) in the max-norm; NaN counts as failure.
double backwardError(const RowMajorMatrixD &a, double normA, const Eigen::VectorXd &b,
                     const Eigen::VectorXd &x)
{
    const double residual = (b - a * x).lpNorm<Eigen::Infinity>();
    if (residual == 0.0)
        return 0.0;
    const double error = residual / (normA * x.lpNorm<Eigen::Infinity>() + b.lpNorm<Eigen::Infinity>());
    return std::isnan(error) ? std::numeric_limits<double>::infinity() : error;
}

Eigen::MatrixXd nanMatrix(const Eigen::MatrixXd &rhs)
{
    return Eigen::MatrixXd::Constant(rhs.rows(), rhs.cols(), std::numeric_limits<double>::quiet_NaN());
}

} // namespace

// Built column by column because a row of P is a column of the transpose.
SparseMatrixD transposedSystem(const SparseRowRefs &rowOf, const std::vector<int> &members,
                               const std::vector<int> &indexOf, bool normaliseLastRow)
{
    const int m = int(members.size());
    std::size_t nonZeros = 0;
    for (int state : members)
        nonZeros += rowOf[state]->size() + 2;
    SparseMatrixD mt(m, m);
    mt.reserve(Eigen::Index(nonZeros));
    for (int col = 0; col < m; ++col) {
        mt.startVec(col);
        const auto put = [&](int row, double value) {
            if (!normaliseLastRow || row != m - 1)
                mt.insertBack(row, col) = value;
        };
        bool diagonalDone = false;
        for (const auto &[to, p] : *rowOf[members[col]]) {
            const int row = indexOf[to];
            if (row < 0)
                continue;
            if (!diagonalDone && row >= col) {
                diagonalDone = true;
                if (row == col) {
                    put(row, 1.0 - p);
                    continue;
                }
                put(col, 1.0);
            }
            put(row, -p);
        }
        if (!diagonalDone)
            put(col, 1.0);
        if (normaliseLastRow)
            mt.insertBack(m - 1, col) = 1.0;
    }
    mt.finalize();
    return mt;
}

SparseSolver::SparseSolver(SparseMatrixD matrix)
    : m_matrix(std::move(matrix))
{
    m_matrix.makeCompressed();
    const Eigen::Index n = m_matrix.rows();
    m_tryIterative = n >= minIterativeSize && m_matrix.nonZeros() >= minIterativeDegree * n;
}

SparseSolver::~SparseSolver() = default;

Eigen::MatrixXd SparseSolver::solve(const Eigen::MatrixXd &rhs)
{
    if (m_tryIterative) {
        if (m_rowMajor.rows() != m_matrix.rows())
            m_rowMajor = m_matrix;
        Eigen::MatrixXd x;
        if (solveIteratively(m_rowMajor, rhs, x))
            return x;
        m_tryIterative = false; // one failure predicts the next; do not waste more iterations
    }
    if (auto lu = factorisation())
        return lu->solve(rhs);
    return nanMatrix(rhs);
}

Eigen::MatrixXd SparseSolver::solveTransposed(const Eigen::MatrixXd &rhs)
{
    if (m_tryIterative) {
        if (m_transposed.rows() != m_matrix.rows())
            m_transposed = m_matrix.transpose();
        Eigen::MatrixXd x;
        if (solveIteratively(m_transposed, rhs, x))
            return x;
        m_tryIterative = false;
    }
    if (auto lu = factorisation())
        return lu->transpose().solve(rhs);
    return nanMatrix(rhs);
}

bool SparseSolver::solveIteratively(const RowMajorMatrixD &a, const Eigen::MatrixXd &rhs,
                                    Eigen::MatrixXd &x) const
{
    Eigen::BiCGSTAB<RowMajorMatrixD> solver;
    solver.setMaxIterations(maxIterations);
    solver.setTolerance(std::numeric_limits<double>::epsilon());
    solver.compute(a);
    const double normA = infinityNorm(a);

    x.resize(rhs.rows(), rhs.cols());
    for (Eigen::Index col = 0; col < rhs.cols(); ++col) {
        const Eigen::VectorXd b = rhs.col(col);
        Eigen::VectorXd xc = solver.solve(b);
        // One restart from the current iterate repairs an occasional residual gap.
        if (backwardError(a, normA, b, xc) > acceptedBackwardError)
            xc = solver.solveWithGuess(b, xc);
        if (backwardError(a, normA, b, xc) > acceptedBackwardError)
            return false;
        x.col(col) = xc;
    }
    return true;
}

Eigen::SparseLU<SparseMatrixD> *SparseSolver::factorisation()
{
    if (!m_lu && !m_luFailed) {
        m_lu = std::make_unique<Eigen::SparseLU<SparseMatrixD>>();
        m_lu->analyzePattern(m_matrix);
        m_lu->factorize(m_matrix);
        if (m_lu->info() != Eigen::Success) {
            m_lu.reset();
            m_luFailed = true;
        }
    }
    return m_lu.get();
}

} // namespace StateScope::Internal
