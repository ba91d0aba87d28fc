package dev.soracommock.sam;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** SAM users, scoped to their operator. */
interface SamUserRepository extends Repository<SamUser, SamUser.Key> {

    @Query("select u from SamUser u where u.key.operatorId = :operatorId and u.key.userName = :userName")
    Optional<SamUser> find(String operatorId, String userName);

    @Query("select u from SamUser u where u.key.operatorId = :operatorId order by u.key.userName")
    List<SamUser> findAll(String operatorId);

    @Query("select u from SamUser u join u.roleIds r where u.key.operatorId = :operatorId and r = :roleId order by u.key.userName")
    List<SamUser> findWithRole(String operatorId, String roleId);

    SamUser save(SamUser user);

    void delete(SamUser user);
}

/** Roles, scoped to their operator. */
interface SamRoleRepository extends Repository<SamRole, SamRole.Key> {

    @Query("select r from SamRole r where r.key.operatorId = :operatorId and r.key.roleId = :roleId")
    Optional<SamRole> find(String operatorId, String roleId);

    @Query("select r from SamRole r where r.key.operatorId = :operatorId order by r.key.roleId")
    List<SamRole> findAll(String operatorId);

    SamRole save(SamRole role);

    void delete(SamRole role);
}
