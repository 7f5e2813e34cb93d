package io.migrationsafety.prisma;

import io.migrationsafety.operation.AddConstraint;
import io.migrationsafety.operation.ConstraintKind;
import io.migrationsafety.operation.CreateType;
import io.migrationsafety.operation.Drop;
import io.migrationsafety.operation.DropConstraint;
import io.migrationsafety.operation.Operation;
import io.migrationsafety.operation.Rename;
import io.migrationsafety.operation.TableAction;
import io.migrationsafety.operation.TypeKind;

/**
 * The step names Prisma writes as a comment above each statement of a migration
 * ({@code -- CreateTable}, {@code -- DropForeignKey} …), for an operation: how a script written here
 * reads like one Prisma wrote.
 */
final class PrismaSteps {

  private PrismaSteps() {}

  /** The name of the step Prisma would file {@code operation} under. */
  static String of(Operation operation) {
    return switch (operation.kind()) {
      case CREATE_TABLE -> "CreateTable";
      case CREATE_INDEX -> "CreateIndex";
      case CREATE_SCHEMA -> "CreateSchema";
      case CREATE_EXTENSION -> "CreateExtension";
      case ALTER_EXTENSION -> "AlterExtension";
      case CREATE_TYPE -> ((CreateType) operation).typeKind() == TypeKind.ENUM ? "CreateEnum" : "CreateType";
      case ADD_ENUM_VALUE, RENAME_ENUM_VALUE -> "AlterEnum";
      case CREATE_SEQUENCE, ALTER_SEQUENCE -> "AlterSequence";
      case CREATE_VIEW -> "CreateView";
      case DROP -> dropStep((Drop) operation);
      case RENAME -> renameStep((Rename) operation);
      case ADD_CONSTRAINT -> ((AddConstraint) operation).constraint().kind() == ConstraintKind.FOREIGN_KEY
          ? "AddForeignKey" : "AlterTable";
      case DROP_CONSTRAINT -> ((DropConstraint) operation).name().endsWith("_fkey") ? "DropForeignKey" : "AlterTable";
      default -> operation instanceof TableAction ? "AlterTable" : "Custom";
    };
  }

  private static String dropStep(Drop drop) {
    return switch (drop.objectType()) {
      case TABLE -> "DropTable";
      case INDEX -> "DropIndex";
      case TYPE -> "DropEnum";
      case SEQUENCE -> "DropSequence";
      case SCHEMA -> "DropSchema";
      case EXTENSION -> "DropExtension";
      case VIEW, MATERIALIZED_VIEW -> "DropView";
      default -> "Drop" + capitalized(drop.objectType().name());
    };
  }

  private static String renameStep(Rename rename) {
    return switch (rename.objectType()) {
      case INDEX -> "RenameIndex";
      case TYPE -> "AlterEnum";
      default -> "AlterTable";
    };
  }

  private static String capitalized(String upper) {
    StringBuilder sb = new StringBuilder();
    for (String part : upper.split("_")) {
      sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return sb.toString();
  }
}
