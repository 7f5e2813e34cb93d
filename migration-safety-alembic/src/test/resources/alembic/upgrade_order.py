"""Prints the revisions of version directories in the order `alembic upgrade heads` runs them.

Usage: python3 upgrade_order.py DIR...   (the directories in the order Alembic loads them)

Revision files import their application (neutron, oslo...), which is not installed here. Only
their identifiers matter, so every module that cannot be imported is replaced by a stand-in: each
attribute read from it is a string naming itself ("neutron.db.migration.cli.EXPAND_BRANCH"), so
that distinct constants stay distinct. Directory listings are sorted, as the Java reader sorts
them, so that parallel branches come out in one reproducible order.
"""
import importlib.abc
import importlib.machinery
import os
import sys
import types


class Anything(str):
    def __call__(self, *args, **kwargs):
        return Anything(self + "()")

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Anything(self + "." + name)

    def __mro_entries__(self, bases):
        return (object,)


class StandIn(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Anything(self.__name__ + "." + name)


class StandInFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path, target=None):
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec):
        return StandIn(spec.name)

    def exec_module(self, module):
        module.__path__ = []


sys.meta_path.append(StandInFinder())

from alembic.config import Config  # noqa: E402
from alembic.script import Script, ScriptDirectory  # noqa: E402

Script._list_py_dir = classmethod(lambda cls, scriptdir, path: sorted(os.listdir(path)))

config = Config()
config.set_main_option("script_location", sys.argv[1])
config.set_main_option("version_locations", " ".join(sys.argv[1:]))
scripts = ScriptDirectory.from_config(config)
for step in scripts._upgrade_revs("heads", ()):
    print(step.revision.revision)
