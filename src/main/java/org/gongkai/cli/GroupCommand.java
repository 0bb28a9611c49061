package org.gongkai.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code group create|add|remove|share|unshare}: groups of a workspace's users (a desk, a team); a
 * collection shared with a group is readable by each of its members.
 */
@Command(
    name = "group",
    description = "Manage a workspace's groups of users: create, add, remove, share, unshare.")
final class GroupCommand implements Runnable {

  @picocli.CommandLine.Mixin HelpOption help = new HelpOption();

  private final Console console;

  GroupCommand(Console console) {
    this.console = console;
  }

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(console.err());
  }

  @Command(mixinStandardHelpOptions = true, name = "create", description = "Create a group.")
  int create(
      @Parameters(paramLabel = "GROUP") String group,
      @ArgGroup(multiplicity = "1") UserCommand.Where where) {
    return with(
        where,
        w -> w.collections().createGroup(group, null, "command line"),
        "created group " + group);
  }

  @Command(mixinStandardHelpOptions = true, name = "add", description = "Put a user in a group.")
  int add(
      @Parameters(index = "0", paramLabel = "GROUP") String group,
      @Parameters(index = "1", paramLabel = "USER") String user,
      @ArgGroup(multiplicity = "1") UserCommand.Where where) {
    return with(
        where,
        w -> w.collections().setMember(group, user, true, null, "command line"),
        "added " + user + " to " + group);
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "remove",
      description = "Take a user out of a group.")
  int remove(
      @Parameters(index = "0", paramLabel = "GROUP") String group,
      @Parameters(index = "1", paramLabel = "USER") String user,
      @ArgGroup(multiplicity = "1") UserCommand.Where where) {
    return with(
        where,
        w -> w.collections().setMember(group, user, false, null, "command line"),
        "removed " + user + " from " + group);
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "share",
      description = "Give every member of a group a collection.")
  int share(
      @Parameters(index = "0", paramLabel = "GROUP") String group,
      @Parameters(index = "1", paramLabel = "COLLECTION") String collection,
      @Option(
              names = "--role",
              required = true,
              paramLabel = "ROLE",
              description = "reader or editor.")
          String role,
      @ArgGroup(multiplicity = "1") UserCommand.Where where) {
    return with(
        where,
        w -> w.collections().shareWithGroup(collection, group, role, null, "command line"),
        "shared " + collection + " with group " + group + " (" + role + ")");
  }

  @Command(
      mixinStandardHelpOptions = true,
      name = "unshare",
      description = "Take a collection away from a group.")
  int unshare(
      @Parameters(index = "0", paramLabel = "GROUP") String group,
      @Parameters(index = "1", paramLabel = "COLLECTION") String collection,
      @ArgGroup(multiplicity = "1") UserCommand.Where where) {
    return with(
        where,
        w -> w.collections().unshareFromGroup(collection, group, null, "command line"),
        "unshared " + collection + " from group " + group);
  }

  private int with(UserCommand.Where where, UserCommand.Change change, String done) {
    return UserCommand.change(console, where, change, done);
  }
}
