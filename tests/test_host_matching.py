"""Host matching (issue 24): the longest declared host suffix wins; a host declared twice is refused."""

from __future__ import annotations

import pytest

from cleaner.detect import rule_for_url
from site_rules import HostConflictError, SiteRule, all_rules, host_index, registry, rule_for_host


class _Parent(SiteRule):
    name = "parent"
    hosts = ("contoh.com",)


class _Child(SiteRule):
    name = "child"
    hosts = ("berita.contoh.com",)


class _Twin(SiteRule):
    name = "twin"
    hosts = ("Contoh.com.",)  # the same host, written another way


def test_the_longest_suffix_wins_whatever_the_order() -> None:
    parent, child = _Parent(), _Child()
    for rules in ([parent, child], [child, parent]):
        index = host_index(rules)
        assert rule_for_host("berita.contoh.com", index) is child
        assert rule_for_host("m.berita.contoh.com", index) is child
        assert rule_for_host("olahraga.contoh.com", index) is parent
        assert rule_for_host("contoh.com", index) is parent
        assert rule_for_host("bukancontoh.com", index) is None
        assert rule_for_host("contoh.com.example.org", index) is None


def test_a_disabled_subdomain_rule_leaves_the_host_to_the_parent() -> None:
    index = host_index([_Parent(), _Child()])
    assert rule_for_host("berita.contoh.com", index, frozenset({"parent"})).name == "parent"
    assert rule_for_host("berita.contoh.com", index, frozenset()) is None


def test_a_host_declared_by_two_rules_is_refused_with_both_names() -> None:
    with pytest.raises(HostConflictError) as refused:
        host_index([_Parent(), _Twin()])
    message = str(refused.value)
    assert "'contoh.com'" in message and "'parent'" in message and "'twin'" in message


def test_the_built_in_rules_declare_each_host_once() -> None:
    declared = [host.lower().rstrip(".") for rule in all_rules() for host in rule.hosts]
    assert len(declared) == len(set(declared))
    assert set(registry().hosts) == set(declared)


def test_every_built_in_host_and_its_subdomains_reach_the_rule_that_declares_it() -> None:
    for rule in all_rules():
        for host in rule.hosts:
            assert rule_for_url(f"https://{host}/a/1") is rule, host
            assert rule_for_url(f"https://sub.{host}/a/1") is rule, host
