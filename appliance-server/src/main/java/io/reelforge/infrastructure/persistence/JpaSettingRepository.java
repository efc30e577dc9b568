package io.reelforge.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.reelforge.domain.model.settings.ApplianceSetting;
import io.reelforge.domain.model.settings.SettingRepository;

@ApplicationScoped
public class JpaSettingRepository implements SettingRepository {

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    public Optional<ApplianceSetting> find(String name) {
        return Optional.ofNullable(em.find(ApplianceSetting.class, name));
    }

    @Override
    public List<ApplianceSetting> all() {
        return em.createQuery("select s from ApplianceSetting s", ApplianceSetting.class).getResultList();
    }

    @Override
    public void store(ApplianceSetting setting) {
        em.persist(setting);
    }

    @Override
    public void remove(ApplianceSetting setting) {
        em.remove(setting);
    }
}
