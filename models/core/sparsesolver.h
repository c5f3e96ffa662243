#pragma once

#include <Eigen/Dense>
#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

#include <QtGlobal>

#include <memory>
#include <utility>
#include <vector>

namespace StateScope::Internal {

using SparseMatrixD = Eigen::SparseMatrix<double>; // column-major, as SparseLU requires
using RowMajorMatrixD = Eigen::SparseMatrix<double, Eigen::RowMajor>; // faster mat-vec
using SparseRow = std::vector<std::pair<quint32, double>>; // (column, value), sorted by column
using SparseRowRefs = std::vector<const SparseRow *>;

// (I - Q)^T of the sub-chain on 'members' (ascending ids; indexOf = position or -1). With
// normaliseLastRow the last equation becomes sum(x) = 1, making a stationary system regular.
SparseMatrixD transposedSystem(const SparseRowRefs &rowOf, const std::vector<int> &members,
                               const std::vector<int> &indexOf, bool normaliseLastRow);

/*
 * Solves M X = B and M^T X = B for one square sparse matrix M, reusing work between calls.
 *
 * Why not always SparseLU: workflow transition graphs are dense-ish (100 edges per state at
 * n = 1000 fill the LU factors almost completely, ~60 ms), whereas I - Q of such chains is
 * well conditioned for Krylov methods (10-25 BiCGSTAB iterations per right-hand side). Large
 * dense-ish systems therefore try BiCGSTAB first and keep the result only if its normwise
 * backward error is at the level of a direct solve; otherwise, and for small or very sparse
 * systems (where LU is cheap and Krylov may need many iterations), SparseLU is used.
 */
class SparseSolver
{
public:
    explicit SparseSolver(SparseMatrixD matrix);
    ~SparseSolver();

    SparseSolver(const SparseSolver &) = delete;
    SparseSolver &operator=(const SparseSolver &) = delete;

    Eigen::MatrixXd solve(const Eigen::MatrixXd &rhs);
    Eigen::MatrixXd solveTransposed(const Eigen::MatrixXd &rhs);

private:
    bool solveIteratively(const RowMajorMatrixD &a, const Eigen::MatrixXd &rhs,
                          Eigen::MatrixXd &x) const;
    Eigen::SparseLU<SparseMatrixD> *factorisation();

    SparseMatrixD m_matrix;
    RowMajorMatrixD m_rowMajor;   // copies for the Krylov solver, built on first use
    RowMajorMatrixD m_transposed;
    std::unique_ptr<Eigen::SparseLU<SparseMatrixD>> m_lu;
    bool m_tryIterative = false;
    bool m_luFailed = false;
};

} // namespace StateScope::Internal
